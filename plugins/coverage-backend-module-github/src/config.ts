import { Config } from '@backstage/config';

/** `coverage.github`, read once at start-up. */
export interface GithubCoverageConfig {
  organization: string;
  host: string;
  activityWindowDays: number;
}

/**
 * Reads `coverage.github`; undefined when it or its organisation is absent
 * (the source is then off). A bad window stops start-up naming the key.
 */
export function readGithubCoverageConfig(
  config: Config,
): GithubCoverageConfig | undefined {
  const github = config.getOptionalConfig('coverage.github');
  const organization = github?.getOptionalString('organization');
  if (!github || !organization) return undefined;
  const days = github.getOptionalNumber('activityWindowDays') ?? 90;
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(
      `coverage.github.activityWindowDays must be a positive number of days, got ${days}`,
    );
  }
  return {
    organization,
    host: github.getOptionalString('host') ?? 'github.com',
    activityWindowDays: days,
  };
}
