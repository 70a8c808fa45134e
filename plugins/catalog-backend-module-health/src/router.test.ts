import express from 'express';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createHealthRouter } from './router';
import { ProblemStore } from './ProblemStore';

const report = {
  totalEntities: 3,
  problems: [
    {
      entityRef: 'component:default/refund-service',
      inCatalog: false,
      errors: [{ name: 'InputError', message: 'missing lifecycle' }],
    },
  ],
};
const store: ProblemStore = { getReport: async () => report };

function app(options: {
  result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  credentials?: ReturnType<typeof mockCredentials.none>;
}) {
  const router = createHealthRouter({
    store,
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials ?? mockCredentials.user(),
    }),
    permissions: mockServices.permissions({
      result: options.result ?? AuthorizeResult.ALLOW,
    }),
  });
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.rootLogger(),
  });
  return express().use(router).use(middleware.error());
}

describe('GET /health/problems', () => {
  it('returns the report to a signed-in user', async () => {
    const res = await request(app({})).get('/health/problems');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(report);
  });

  it('refuses a caller without credentials', async () => {
    const res = await request(app({ credentials: mockCredentials.none() })).get(
      '/health/problems',
    );
    expect(res.status).toBe(401);
  });

  it('refuses a user the policy denies, saying so', async () => {
    const res = await request(app({ result: AuthorizeResult.DENY })).get(
      '/health/problems',
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not read the catalog-health report',
    );
  });
});
