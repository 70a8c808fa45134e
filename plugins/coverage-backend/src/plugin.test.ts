import request from 'supertest';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { coverageSourcesExtensionPoint } from '@internal/plugin-coverage-node';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { component, org } from './__testUtils__/entities';
import { coveragePlugin } from './plugin';

jest.setTimeout(90_000);
const databases = createTestDatabases();

/** A source module, as the GitHub, Argo CD and PagerDuty modules add theirs; it counts its calls. */
function countingSource(calls: { n: number }, label: string) {
  return createBackendModule({
    pluginId: 'coverage',
    moduleId: `test-source-${label}`,
    register(env) {
      env.registerInit({
        deps: { sources: coverageSourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource({
            id: 'test',
            title: 'Test source',
            listProductionServices: async () => {
              calls.n += 1;
              return [
                { name: 'pay-a', repoSlug: 'acme/pay-a' },
                { name: 'gone', repoSlug: 'acme/gone' },
              ];
            },
          });
        },
      });
    },
  });
}

const waitFor = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('coveragePlugin', () => {
  it('two backends sharing one PostgreSQL take one snapshot, not two', async () => {
    const knex = await databases.init('POSTGRES_15');
    const calls = { n: 0 };
    const sharedDatabase = createServiceFactory({
      service: coreServices.database,
      deps: {},
      factory: () => ({ getClient: async () => knex }),
    });
    const start = (label: string) =>
      startTestBackend({
        features: [
          coveragePlugin,
          countingSource(calls, label),
          sharedDatabase,
          schedulerServiceFactory,
          catalogServiceMock.factory({
            entities: [...org(), component('pay-a')],
          }),
          mockServices.rootConfig.factory({
            data: {
              coverage: {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { seconds: 3 },
                },
              },
            },
          }),
        ],
      });
    // One after the other: two processes migrating one empty database at the
    // same instant race on knex's own bookkeeping tables (the scheduler's too).
    // Both are up before the task is due (initialDelay 3 s).
    const a = await start('A');
    const b = await start('B');
    try {
      await waitFor(
        async () => Boolean(await knex('coverage_snapshots').first()),
        'the scheduled snapshot',
      );
      // Both workers look for due work every 5 s: give the second one time to
      // (wrongly) run the task too.
      await new Promise(r => setTimeout(r, 7000));
      expect(calls.n).toBe(1);
      expect(await knex('coverage_snapshots').select('day')).toHaveLength(1);

      // Both replicas serve the one snapshot.
      for (const backend of [a, b]) {
        const res = await request(backend.server)
          .get('/api/coverage/report')
          .set('Authorization', 'Bearer mock-user-token');
        expect(res.status).toBe(200);
        expect(res.body.organisation.measures.coverage).toEqual({
          numerator: 1,
          denominator: 2,
          ratio: 0.5,
        });
        expect(res.body.sources).toEqual([
          { id: 'test', title: 'Test source', ok: true, count: 2 },
        ]);
      }
      const badToken = await request(a.server)
        .get('/api/coverage/report')
        .set('Authorization', 'Bearer not-a-token');
      expect(badToken.status).toBe(401);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
