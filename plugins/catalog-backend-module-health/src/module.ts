import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogHealthPermissions } from '@internal/plugin-catalog-health-common';
import { DatabaseProblemStore } from './ProblemStore';
import { createHealthRouter } from './router';

/**
 * Adds `GET /api/catalog/health/problems` to the catalog: every catalog file
 * that failed to ingest, with the file and the reason.
 */
export const catalogModuleHealth = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'health',
  register(reg) {
    reg.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(catalogHealthPermissions);
        const store = new DatabaseProblemStore(await database.getClient());
        httpRouter.use(createHealthRouter({ store, httpAuth, permissions }));
      },
    });
  },
});
