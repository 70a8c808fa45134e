import express from 'express';
import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A permissions service that allows everything except the permissions named
 * (as an operator's policy would deny them), for router tests.
 */
export function permissionsDenying(deny: string[] = []): PermissionsService {
  return {
    ...mockServices.permissions(),
    authorize: async (requests: { permission: { name: string } }[]) =>
      requests.map(r => ({
        result: deny.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  } as PermissionsService;
}

/**
 * A plugin's router behind the backend's own error handler, so tests see the
 * status codes and error bodies a real request gets.
 */
export function serveRouter(router: express.Router): express.Express {
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.rootLogger(),
  });
  return express().use(router).use(middleware.error());
}
