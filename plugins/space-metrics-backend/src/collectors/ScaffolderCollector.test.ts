import request from 'supertest';
import {
  coreServices,
  createBackendPlugin,
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateUp } from '../database/migrate';
import { DatabaseAdoptionStore } from '../database/AdoptionStore';
import { ScaffolderCollector } from './ScaffolderCollector';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const template = (name: string, action: string) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default' },
  spec: {
    owner: 'team-a',
    type: 'service',
    parameters: [{ properties: { name: { type: 'string' } } }],
    steps: [{ id: 'step', name: 'Step', action, input: { message: 'hello' } }],
  },
});

/** Captures a plugin's own discovery and auth, as the space-metrics plugin gets them. */
let services: { discovery: DiscoveryService; auth: AuthService };
const probe = createBackendPlugin({
  pluginId: 'space-metrics',
  register(env) {
    env.registerInit({
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      async init(deps) {
        services = deps;
      },
    });
  },
});

describe('ScaffolderCollector against the real Scaffolder', () => {
  it('records runs, their outcome and how long they took, through the Scaffolder API', async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        probe,
        catalogServiceMock.factory({
          entities: [
            template('hello', 'debug:log'),
            template('broken', 'no:such-action'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: { backend: { baseUrl: 'http://localhost:0' } },
        }),
      ],
    });
    try {
      const run = async (templateRef: string) => {
        const res = await request(backend.server)
          .post('/api/scaffolder/v2/tasks')
          .set('Authorization', 'Bearer mock-user-token')
          .send({ templateRef, values: { name: 'x' } });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const ok = await run('template:default/hello');
      const bad = await run('template:default/broken');
      // Wait until the Scaffolder has finished both runs.
      for (let i = 0; i < 100; i++) {
        const statuses = await Promise.all(
          [ok, bad].map(
            async id =>
              (
                await request(backend.server)
                  .get(`/api/scaffolder/v2/tasks/${id}`)
                  .set('Authorization', 'Bearer mock-user-token')
              ).body.status,
          ),
        );
        if (statuses.every(s => s === 'completed' || s === 'failed')) break;
        await new Promise(r => setTimeout(r, 200));
      }

      const db = await databases.init('SQLITE_3');
      await migrateUp(db);
      const store = new DatabaseAdoptionStore(db);
      await new ScaffolderCollector(
        services.discovery,
        services.auth,
        store,
        mockServices.logger.mock(),
      ).run();

      const tasks = await store.tasksCreated(
        new Date(Date.now() - 3_600_000),
        new Date(Date.now() + 60_000),
      );
      const byId = new Map(tasks.map(t => [t.taskId, t]));
      expect(byId.get(ok)).toMatchObject({
        templateRef: 'template:default/hello',
        status: 'completed',
        createdBy: 'user:default/mock',
      });
      expect(byId.get(bad)).toMatchObject({
        templateRef: 'template:default/broken',
        status: 'failed',
      });
      for (const id of [ok, bad]) {
        const t = byId.get(id)!;
        expect(t.finishedAt).toBeDefined();
        expect(t.finishedAt!.getTime()).toBeGreaterThanOrEqual(
          t.createdAt.getTime(),
        );
      }
      expect(await store.unfinishedTaskIds()).toEqual(new Set());
    } finally {
      await backend.stop();
    }
  });
});
