import { Config } from '@backstage/config';

/** `coverage.argocd`, read once at start-up. */
export interface ArgoCdCoverageConfig {
  baseUrl: string;
  token: string;
  projects?: string[];
  destinations?: string[];
}

/**
 * Reads `coverage.argocd`; undefined when it has no `baseUrl` (the source is
 * then off). A `baseUrl` without a token stops start-up naming the key.
 */
export function readArgoCdCoverageConfig(
  config: Config,
): ArgoCdCoverageConfig | undefined {
  const argocd = config.getOptionalConfig('coverage.argocd');
  const baseUrl = argocd?.getOptionalString('baseUrl');
  if (!argocd || !baseUrl) return undefined;
  const token = argocd.getOptionalString('token');
  if (!token) {
    throw new Error(
      'coverage.argocd.token is required when coverage.argocd.baseUrl is set (a read-only Argo CD API token)',
    );
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token,
    projects: argocd.getOptionalStringArray('projects'),
    destinations: argocd.getOptionalStringArray('destinations'),
  };
}
