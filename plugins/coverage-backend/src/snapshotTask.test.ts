import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { mockServices } from '@backstage/backend-test-utils';
import { CoverageSource } from '@internal/plugin-coverage-node';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { component, org } from './__testUtils__/entities';
import { docsExcept } from './__testUtils__/routerApp';
import { migrateUp } from './database/migrate';
import { SnapshotStore } from './database/SnapshotStore';
import { OwnerGuesser } from './service/OwnerGuesser';
import { SnapshotService } from './service/SnapshotService';
import { scheduleSnapshots } from './snapshotTask';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const noMetrics = {
  createCounter: () => ({ add: () => {} }),
  createHistogram: () => ({ record: () => {} }),
  createGauge: () => ({ record: () => {} }),
  createUpDownCounter: () => ({ add: () => {} }),
  createObservableGauge: () => ({ addCallback: () => {} }),
  createObservableCounter: () => ({ addCallback: () => {} }),
  createObservableUpDownCounter: () => ({ addCallback: () => {} }),
} as any;

/**
 * One replica of the plugin, as far as the snapshot job goes: the real
 * scheduler over the shared database, and a snapshot service whose source
 * counts how often this replica took a snapshot.
 */
function replica(
  knex: Awaited<ReturnType<typeof databases.init>>,
  runs: { n: number },
) {
  const lifecycle = mockServices.rootLifecycle.mock();
  const scheduler = DefaultSchedulerService.create({
    database: { getClient: async () => knex },
    logger: mockServices.logger.mock(),
    metrics: noMetrics,
    rootLifecycle: lifecycle,
    httpRouter: mockServices.httpRouter.mock(),
    pluginMetadata: { getId: () => 'coverage' },
  });
  const source: CoverageSource = {
    id: 'test',
    title: 'Test source',
    listProductionServices: async () => {
      runs.n += 1;
      return [{ name: 'pay-a', repoSlug: 'acme/pay-a' }];
    },
  };
  const snapshots = new SnapshotService({
    store: new SnapshotStore(knex),
    sources: [source],
    loadEntities: async () => [...org(), component('pay-a')],
    docs: docsExcept(),
    owners: new OwnerGuesser([], mockServices.logger.mock()),
    settings: {
      threshold: 0.8,
      organisationTitle: 'Acme',
      fixUrl: id => `#${id}`,
    },
    logger: mockServices.logger.mock(),
  });
  return { scheduler, snapshots, lifecycle };
}

describe('the snapshot job', () => {
  it('two replicas sharing one PostgreSQL take one snapshot, not two', async () => {
    const knex = await databases.init('POSTGRES_15');
    await migrateUp(knex);
    const runs = { a: { n: 0 }, b: { n: 0 } };
    const a = replica(knex, runs.a);
    const b = replica(knex, runs.b);
    const schedule = {
      frequency: { hours: 24 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 2 },
    };
    const controller = new AbortController();
    try {
      // One after the other (the first creates the scheduler's tables); both
      // are registered well before the task is due.
      await scheduleSnapshots(a.scheduler, a.snapshots, schedule);
      await scheduleSnapshots(b.scheduler, b.snapshots, schedule);
      for (let i = 0; i < 300 && runs.a.n + runs.b.n === 0; i++) {
        await new Promise(r => setTimeout(r, 100));
      }
      // Both workers look for due work every 5 s: time for the other one to
      // (wrongly) run the task too.
      await new Promise(r => setTimeout(r, 7000));
      expect(runs.a.n + runs.b.n).toBe(1);
      expect(await knex('coverage_snapshots').select('day')).toHaveLength(1);
    } finally {
      controller.abort();
      for (const { lifecycle } of [a, b]) {
        for (const [hook] of (lifecycle.addShutdownHook as jest.Mock).mock
          .calls) {
          await hook();
        }
      }
    }
  });
});
