import { Config } from '@backstage/config';

/** `coverage.pagerduty`, read once at start-up. */
export interface PagerDutyCoverageConfig {
  apiBaseUrl: string;
  token: string;
  teamIds?: string[];
}

/** Reads `coverage.pagerduty`; undefined without a token (the source is off). */
export function readPagerDutyCoverageConfig(
  config: Config,
): PagerDutyCoverageConfig | undefined {
  const pd = config.getOptionalConfig('coverage.pagerduty');
  const token = pd?.getOptionalString('token');
  if (!pd || !token) return undefined;
  return {
    apiBaseUrl: (
      pd.getOptionalString('apiBaseUrl') ?? 'https://api.pagerduty.com'
    ).replace(/\/+$/, ''),
    token,
    teamIds: pd.getOptionalStringArray('teamIds'),
  };
}
