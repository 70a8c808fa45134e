import { ScmIntegrations } from '@backstage/integration';
import { createCoverageSourceModule } from '@internal/plugin-coverage-node';
import { ArgoCdCoverageSource } from './ArgoCdCoverageSource';
import { readArgoCdCoverageConfig } from './config';

/**
 * Adds Argo CD (`coverage.argocd`) to coverage as a source of production
 * services. Does nothing without `coverage.argocd.baseUrl`.
 */
export const coverageModuleArgoCd = createCoverageSourceModule({
  moduleId: 'argocd',
  readConfig: readArgoCdCoverageConfig,
  notConfigured:
    'coverage.argocd.baseUrl is not set: Argo CD is not a source of production services',
  init(options, { config, coverage }) {
    const githubHosts = ScmIntegrations.fromConfig(config)
      .github.list()
      .map(i => i.config.host);
    coverage.addSource(new ArgoCdCoverageSource({ ...options, githubHosts }));
  },
});
