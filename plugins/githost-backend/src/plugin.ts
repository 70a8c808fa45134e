import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { githostPermissions } from '@internal/plugin-githost-common';
import { createRouter } from './router';
import { DatabaseChangeRequestStore } from './service/ChangeRequestStore';
import { GitHostService } from './service/GitHostService';
import { GitRepositories } from './service/GitRepositories';

/**
 * The portal's local git host: real bare git repositories under the data
 * folder, served at `/api/githost` (JSON API and `git clone`), so that the
 * golden paths publish, and the catalog and TechDocs read, without GitHub.
 */
export const githostPlugin = createBackendPlugin({
  pluginId: 'githost',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        database,
        discovery,
        httpRouter,
        httpAuth,
        logger,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(githostPermissions);
        const repos = GitRepositories.fromConfig(config);
        const changeRequests = await DatabaseChangeRequestStore.create({
          knex: await database.getClient(),
          skipMigrations: database.migrations?.skip,
        });
        const service = new GitHostService(
          repos,
          changeRequests,
          await discovery.getExternalBaseUrl('githost'),
        );
        logger.info(`Local git host keeps its repositories in ${repos.root}`);
        httpRouter.use(createRouter({ service, httpAuth, permissions }));
      },
    });
  },
});
