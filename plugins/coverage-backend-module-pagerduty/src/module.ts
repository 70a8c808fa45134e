import { ScmIntegrations } from '@backstage/integration';
import { createCoverageSourceModule } from '@internal/plugin-coverage-node';
import { PagerDutyCoverageSource } from './PagerDutyCoverageSource';
import { readPagerDutyCoverageConfig } from './config';

/**
 * Adds PagerDuty (`coverage.pagerduty`) to coverage as a source of production
 * services. Does nothing without `coverage.pagerduty.token`.
 */
export const coverageModulePagerDuty = createCoverageSourceModule({
  moduleId: 'pagerduty',
  readConfig: readPagerDutyCoverageConfig,
  notConfigured:
    'coverage.pagerduty.token is not set: PagerDuty is not a source of production services',
  init(options, { config, coverage }) {
    const githubHosts = ScmIntegrations.fromConfig(config)
      .github.list()
      .map(i => i.config.host);
    coverage.addSource(
      new PagerDutyCoverageSource({ ...options, githubHosts }),
    );
  },
});
