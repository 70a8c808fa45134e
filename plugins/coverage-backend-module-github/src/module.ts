import { ScmIntegrations } from '@backstage/integration';
import { createCoverageSourceModule } from '@internal/plugin-coverage-node';
import { readGithubCoverageConfig } from './config';
import { GithubApi } from './githubApi';
import { GithubCoverageSource } from './GithubCoverageSource';
import { GithubRepositoryHost } from './GithubRepositoryHost';

/**
 * Adds the GitHub organisation (`coverage.github`) to coverage: its active
 * repositories as production services, and GitHub as the host that opens
 * pull requests adding catalog-info.yaml. Does nothing without that config.
 */
export const coverageModuleGithub = createCoverageSourceModule({
  moduleId: 'github',
  readConfig: readGithubCoverageConfig,
  notConfigured:
    'coverage.github.organization is not set: GitHub is not a source of production services',
  init(options, { config, coverage }) {
    const api = new GithubApi(
      ScmIntegrations.fromConfig(config),
      options.host,
      options.organization,
    );
    coverage.addSource(
      new GithubCoverageSource(api, {
        activityWindowDays: options.activityWindowDays,
      }),
    );
    coverage.addRepositoryHost(new GithubRepositoryHost(api));
  },
});
