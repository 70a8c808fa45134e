import {
  COMPONENTS,
  discoverAll,
  startAcmePayOnGithub,
} from '../__testUtils__/acmePayOnGithub';
import { TASKS, waitUntil } from '../__testUtils__/githubCatalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const relationTargets = (entity: any, type: string) =>
  entity.relations
    .filter((r: any) => r.type === type)
    .map((r: any) => r.targetRef)
    .sort();

describe('the catalog discovers a GitHub organisation', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'with its repositories, teams and people, and reports what is broken, on %p',
    async databaseId => {
      const { standin, catalog, stop } = await startAcmePayOnGithub({
        databases,
        databaseId,
      });
      try {
        await discoverAll(catalog);

        // Only what the repositories hold: not the archived repository's
        // service, nothing from the file that is not YAML.
        expect(await catalog.refs('kind=component')).toEqual(
          [...COMPONENTS].sort(),
        );

        // A service and what it is related to, as its page shows them.
        const payments = await catalog.entity('component:payment-processor');
        expect(relationTargets(payments, 'ownedBy')).toEqual([
          'group:default/team-payments',
        ]);
        expect(relationTargets(payments, 'dependsOn')).toEqual([
          'component:default/fraud-detector',
          'component:default/ledger-service',
          'resource:default/payments-events',
          'resource:default/postgres-payments',
        ]);
        expect(
          payments.metadata.annotations['backstage.io/managed-by-location'],
        ).toBe(
          'url:https://github.com/acme-pay/payment-processor/tree/main/catalog-info.yaml',
        );
        // $text beside the file is read from the repository.
        const api = await catalog.entity('api:payments-api');
        expect(api.spec.definition).toMatch(/^openapi: 3\./);

        // "Which services break if postgres-payments goes down?"
        const pg = await catalog.entity('resource:postgres-payments');
        expect(relationTargets(pg, 'dependencyOf')).toEqual([
          'component:default/invoice-service',
          'component:default/ledger-service',
          'component:default/legacy-reporting',
          'component:default/payment-processor',
          'component:default/settlement-worker',
        ]);

        // All three documents of a multi-document file, related.
        const rates = await catalog.entity('component:rates-service');
        expect(relationTargets(rates, 'providesApi')).toEqual([
          'api:default/rates-api',
        ]);
        expect(await catalog.entity('resource:rates-cache')).toBeDefined();

        // Teams became Groups nested as on GitHub; members became Users.
        const team = await catalog.entity('group:team-payments');
        expect(team.spec.parent).toBe('engineering-payments');
        expect(team.metadata.annotations['github.com/team-slug']).toBe(
          'acme-pay/team-payments',
        );
        expect(relationTargets(team, 'hasMember')).toHaveLength(9);
        const department = await catalog.entity('group:engineering-payments');
        expect(department.spec.children).toEqual(
          expect.arrayContaining(['team-payments', 'team-risk']),
        );
        expect(await catalog.refs('kind=group')).toHaveLength(10);
        expect(await catalog.refs('kind=user')).toHaveLength(60);
        const engineer = await catalog.entity('user:daniel-okafor');
        expect(engineer.metadata.annotations['github.com/user-login']).toBe(
          'daniel-okafor',
        );

        // What is broken, where a person looks: each with its file, a link to
        // it on GitHub and the reason.
        const problems = await catalog.problems();
        const about = (file: string) =>
          problems.filter(p => p.sourceUrl?.endsWith(file));
        expect(
          about('acme-pay/not-yaml-service/blob/main/catalog-info.yaml'),
        ).toEqual([
          expect.objectContaining({
            errors: [
              expect.objectContaining({
                message: expect.stringMatching(/YAML error/),
              }),
            ],
          }),
        ]);
        expect(
          about('acme-pay/invalid-entities/blob/main/catalog-info.yaml'),
        ).toEqual([
          expect.objectContaining({
            entityRef: 'component:default/billing exporter worker',
            errors: [
              expect.objectContaining({
                message: expect.stringMatching(/"metadata.name" is not valid/),
              }),
            ],
          }),
        ]);
        expect(
          about('acme-pay/location-index/blob/main/services/broken.yaml'),
        ).toHaveLength(1);
        expect(
          about('acme-pay/unknown-kind/blob/main/catalog-info.yaml'),
        ).toEqual([
          expect.objectContaining({
            errors: [
              expect.objectContaining({
                message: expect.stringMatching(
                  /pipeline:default\/nightly-build/,
                ),
              }),
            ],
          }),
        ]);
        expect(
          about('acme-pay/refund-service/blob/main/catalog-info.yaml'),
        ).toEqual([
          expect.objectContaining({
            entityRef: 'component:default/refund-service',
            errors: [
              expect.objectContaining({
                message: expect.stringMatching(/lifecycle/),
              }),
            ],
          }),
        ]);
        // A repository without a catalog file, an empty or archived one: no
        // entity, and nothing to fix.
        expect(
          problems.filter(p =>
            /no-catalog-file|empty-repo|archived-gateway/.test(
              p.sourceUrl ?? '',
            ),
          ),
        ).toEqual([]);

        // Between two runs a repository is renamed and another deleted.
        standin.world.renameRepo('acme-pay', 'to-be-renamed', 'moved-here');
        standin.world.deleteRepo('acme-pay', 'to-be-deleted');
        await catalog.run(TASKS.repos);
        await waitUntil('the deleted repository to be gone', async () => {
          // In production the catalog's orphan cleanup runs on its own schedule.
          await catalog.run(TASKS.orphans);
          return (await catalog.entity('component:doomed-service'))
            ? undefined
            : true;
        });
        const moved = await waitUntil('the renamed repository', async () => {
          const e = await catalog.entity('component:moving-service');
          return e?.metadata.annotations[
            'backstage.io/managed-by-location'
          ].includes('/moved-here/')
            ? e
            : undefined;
        });
        expect(moved.metadata.name).toBe('moving-service');
        expect(await catalog.refs('kind=component')).toHaveLength(
          COMPONENTS.length - 1,
        );
      } finally {
        await stop();
      }
    },
    180_000,
  );
});
