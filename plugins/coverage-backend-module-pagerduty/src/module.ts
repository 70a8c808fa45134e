import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { coverageSourcesExtensionPoint } from '@internal/plugin-coverage-node';
import { PagerDutyCoverageSource } from './PagerDutyCoverageSource';
import { readPagerDutyCoverageConfig } from './config';

/**
 * Adds PagerDuty (`coverage.pagerduty`) to coverage as a source of production
 * services. Does nothing without `coverage.pagerduty.token`.
 */
export const coverageModulePagerDuty = createBackendModule({
  pluginId: 'coverage',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        coverage: coverageSourcesExtensionPoint,
      },
      async init({ config, logger, coverage }) {
        const options = readPagerDutyCoverageConfig(config);
        if (!options) {
          logger.info(
            'coverage.pagerduty.token is not set: PagerDuty is not a source of production services',
          );
          return;
        }
        const githubHosts = ScmIntegrations.fromConfig(config)
          .github.list()
          .map(i => i.config.host);
        coverage.addSource(
          new PagerDutyCoverageSource({ ...options, githubHosts }),
        );
      },
    });
  },
});
