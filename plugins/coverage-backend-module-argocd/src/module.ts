import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { coverageSourcesExtensionPoint } from '@internal/plugin-coverage-node';
import { ArgoCdCoverageSource } from './ArgoCdCoverageSource';
import { readArgoCdCoverageConfig } from './config';

/**
 * Adds Argo CD (`coverage.argocd`) to coverage as a source of production
 * services. Does nothing without `coverage.argocd.baseUrl`.
 */
export const coverageModuleArgoCd = createBackendModule({
  pluginId: 'coverage',
  moduleId: 'argocd',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        coverage: coverageSourcesExtensionPoint,
      },
      async init({ config, logger, coverage }) {
        const options = readArgoCdCoverageConfig(config);
        if (!options) {
          logger.info(
            'coverage.argocd.baseUrl is not set: Argo CD is not a source of production services',
          );
          return;
        }
        const githubHosts = ScmIntegrations.fromConfig(config)
          .github.list()
          .map(i => i.config.host);
        coverage.addSource(
          new ArgoCdCoverageSource({ ...options, githubHosts }),
        );
      },
    });
  },
});
