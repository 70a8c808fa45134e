import { Config } from '@backstage/config';

/**
 * Refuses a production configuration that enables guest sign-in: anyone who
 * reaches the portal could then sign in. Guest sign-in is for the embedded
 * default only (`auth.environment: development`).
 */
export function assertNoGuestInProduction(
  config: Config,
  nodeEnv = process.env.NODE_ENV,
): void {
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const production = environment !== 'development' || nodeEnv === 'production';
  if (production && config.has('auth.providers.guest')) {
    throw new Error(
      `Guest sign-in is enabled (auth.providers.guest) in a production configuration (auth.environment: ${environment}${
        nodeEnv === 'production' ? ', NODE_ENV=production' : ''
      }): anyone could sign in. Remove auth.providers.guest from the production config (app-config.production.yaml sets it to null); guest sign-in is for the embedded default only.`,
    );
  }
}
