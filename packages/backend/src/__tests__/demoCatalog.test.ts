import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleFileIsolation from '@internal/plugin-catalog-backend-module-file-isolation';
import catalogModuleHealth from '@internal/plugin-catalog-backend-module-health';
import catalogModuleLocalPlaceholders from '@internal/plugin-catalog-backend-module-local-placeholders';
import { catalogRules } from '../__testUtils__/appConfig';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * The demo organisation, loaded by the real catalog backend exactly as the
 * embedded default loads it (file globs, relative $text placeholders), on SQLite
 * and on PostgreSQL. The counts are the ones catalog/README.md tallies by hand.
 */
describe('the demo organisation in the catalog', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'ingests every valid entity and reports the broken file, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleLocalPlaceholders,
          catalogModuleFileIsolation,
          catalogModuleHealth,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: catalogRules(),
                locations: [
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'catalog/*/catalog-info.yaml'),
                  },
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'catalog/org/*.yaml'),
                  },
                ],
              },
            },
          }),
        ],
      });

      const { server } = backend;
      const count = async (kind: string) => {
        const res = await request(server)
          .get('/api/catalog/entities/by-query')
          .query({ filter: `kind=${kind}`, limit: 1 });
        expect(res.status).toBe(200);
        return res.body.totalItems as number;
      };
      const entity = async (ref: string) => {
        const res = await request(server).get(
          `/api/catalog/entities/by-name/${ref.replace(/[:]/, '/default/')}`,
        );
        return res.status === 200 ? res.body : undefined;
      };

      // Processing and stitching are asynchronous: wait for the last relations.
      const deadline = Date.now() + 60_000;
      for (;;) {
        const pg = await entity('resource:postgres-payments');
        const done =
          (await count('user')) === 60 &&
          (await count('component')) === 18 &&
          pg?.relations?.filter((r: any) => r.type === 'dependencyOf')
            .length === 5;
        if (done || Date.now() > deadline) break;
        await new Promise(r => setTimeout(r, 250));
      }

      expect({
        users: await count('user'),
        groups: await count('group'),
        domains: await count('domain'),
        systems: await count('system'),
        components: await count('component'),
        apis: await count('api'),
        resources: await count('resource'),
      }).toEqual({
        users: 60,
        groups: 11,
        domains: 3,
        systems: 5,
        components: 18,
        apis: 4,
        resources: 8,
      });

      const payments = await entity('component:payment-processor');
      const rel = (type: string) =>
        payments.relations
          .filter((r: any) => r.type === type)
          .map((r: any) => r.targetRef)
          .sort();
      expect(rel('ownedBy')).toEqual(['group:default/team-payments']);
      expect(rel('partOf')).toEqual(['system:default/billing-platform']);
      expect(rel('providesApi')).toEqual(['api:default/payments-api']);
      expect(rel('dependsOn')).toEqual([
        'component:default/fraud-detector',
        'component:default/ledger-service',
        'resource:default/payments-events',
        'resource:default/postgres-payments',
      ]);

      // "Which services break if postgres-payments goes down?"
      const pg = await entity('resource:postgres-payments');
      expect(
        pg.relations
          .filter((r: any) => r.type === 'dependencyOf')
          .map((r: any) => r.targetRef)
          .sort(),
      ).toEqual([
        'component:default/invoice-service',
        'component:default/ledger-service',
        'component:default/legacy-reporting',
        'component:default/payment-processor',
        'component:default/settlement-worker',
      ]);

      // The OpenAPI definition sits next to the entity and is read through $text.
      const api = await entity('api:payments-api');
      expect(api.spec.definition).toMatch(/^openapi: 3\./);

      // A team nests under its department, which nests under the organisation.
      const team = await entity('group:team-payments');
      expect(team.spec.parent).toBe('engineering-payments');
      expect(
        team.relations.filter((r: any) => r.type === 'hasMember').length,
      ).toBe(9);

      // The broken file breaks only itself, and says what to fix.
      expect(await entity('component:refund-service')).toBeUndefined();
      // The catalog-health report names the file and says what to fix.
      const health = await request(server).get('/api/catalog/health/problems');
      expect(health.status).toBe(200);
      expect(health.body.problems).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/refund-service',
          inCatalog: false,
          source: path.join(
            repoRoot,
            'catalog/refund-service/catalog-info.yaml',
          ),
          errors: [
            expect.objectContaining({
              name: 'InputError',
              message: expect.stringMatching(
                /must have required property 'lifecycle'/,
              ),
            }),
          ],
        }),
      ]);
      await backend.stop();
    },
    90_000,
  );
});
