import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { gitHostServiceRef } from '@internal/plugin-githost-node';
import { createPublishGithostAction } from './publishGithost';

/** Adds `publish:githost` to the Scaffolder. */
export const scaffolderModuleGithost = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'githost',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        githost: gitHostServiceRef,
      },
      async init({ scaffolder, githost }) {
        scaffolder.addActions(createPublishGithostAction({ githost }));
      },
    });
  },
});
