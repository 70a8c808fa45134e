import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { gitHostServiceRef } from '@internal/plugin-githost-node';
import { createCheckAction } from './checkAction';
import { createRegisterAction } from './registerAction';
import { GithubRepos } from './githubRepos';
import { createGoldenPathPublishGithubAction } from './publishGithubAction';

/**
 * Adds `golden-path:check`, `golden-path:publish-github` (publish:github that
 * deletes what it made when it fails) and `golden-path:register` to the
 * Scaffolder, and the
 * template value `portalBaseUrl` (the portal's `app.baseUrl`), so generated
 * catalog entries can link to pages of this portal (e.g. the runbook in TechDocs).
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        templating: scaffolderTemplatingExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        githost: gitHostServiceRef,
      },
      async init({ scaffolder, templating, config, catalog, githost }) {
        templating.addTemplateGlobals({
          portalBaseUrl: config.getString('app.baseUrl').replace(/\/$/, ''),
        });
        const integrations = ScmIntegrations.fromConfig(config);
        const github = new GithubRepos(integrations);
        scaffolder.addActions(
          createCheckAction({ catalog, githost, github }),
          createGoldenPathPublishGithubAction({ integrations, config, github }),
          createRegisterAction({ catalog, githost, github }),
        );
      },
    });
  },
});
