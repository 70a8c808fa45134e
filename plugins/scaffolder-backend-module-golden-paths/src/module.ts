import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { gitHostServiceRef } from '@internal/plugin-githost-node';
import { createCheckAction } from './checkAction';
import { createRegisterAction } from './registerAction';

/** Adds `golden-path:check` and `golden-path:register` to the Scaffolder. */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        githost: gitHostServiceRef,
      },
      async init({ scaffolder, catalog, githost }) {
        scaffolder.addActions(
          createCheckAction({ catalog, githost }),
          createRegisterAction({ catalog, githost }),
        );
      },
    });
  },
});
