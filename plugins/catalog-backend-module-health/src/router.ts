import Router from 'express-promise-router';
import express from 'express';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogHealthReadPermission } from '@internal/plugin-catalog-health-common';
import { ProblemStore } from './ProblemStore';

/** Routes added to the catalog's router: `GET /health/problems`. */
export function createHealthRouter(options: {
  store: ProblemStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { store, httpAuth, permissions } = options;
  const router = Router();
  router.get('/health/problems', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: catalogHealthReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the catalog-health report');
    }
    res.json(await store.getReport());
  });
  return router;
}
