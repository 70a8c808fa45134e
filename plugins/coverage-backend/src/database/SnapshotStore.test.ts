import { Knex } from 'knex';
import {
  CoverageReport,
  EntityCompleteness,
} from '@internal/plugin-coverage-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDown, migrateUp } from './migrate';
import { SnapshotStore } from './SnapshotStore';
import { measureValue } from '../measures/rollup';

jest.setTimeout(60_000);
const databases = createTestDatabases();

function report(
  day: string,
  covered: number,
  takenAt = `${day}T03:00:00.000Z`,
): CoverageReport {
  const measures = {
    coverage: measureValue(covered, 10),
    ownership: measureValue(covered, covered),
    documentation: measureValue(0, covered),
    operability: measureValue(1, covered),
    hygiene: measureValue(0, 0),
  };
  return {
    day,
    takenAt,
    threshold: 0.8,
    organisation: {
      ref: 'organisation',
      kind: 'organisation',
      title: 'Acme',
      measures,
      gap: 10 - covered,
    },
    teams: [
      { ref: 'group:default/a', kind: 'group', title: 'a', measures, gap: 1 },
    ],
    systems: [],
    sources: [{ id: 'inventory', title: 'Inventory', ok: true, count: 10 }],
    missingSources: [],
  };
}
const entity = (name: string, owner: string): EntityCompleteness => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  owner,
  production: true,
  measures: {
    ownership: true,
    documentation: false,
    operability: false,
    hygiene: true,
  },
  checks: [],
});

describe.each(databases.eachSupportedId())(
  'SnapshotStore on %p',
  databaseId => {
    let db: Knex;
    let store: SnapshotStore;
    beforeAll(async () => {
      db = await databases.init(databaseId);
      await migrateUp(db);
      store = new SnapshotStore(db);
    });

    it('stores one snapshot per day: the same content twice keeps the first, new content replaces it', async () => {
      const data = {
        report: report('2026-11-20', 5),
        missing: [{ repoSlug: 'acme/x', name: 'x', sources: ['inventory'] }],
        entities: [
          entity('a', 'group:default/a'),
          entity('b', 'group:default/b'),
        ],
      };
      expect(await store.save(data)).toMatchObject({ created: true });
      const again = await store.save({
        ...data,
        report: report('2026-11-20', 5, '2026-11-20T09:00:00.000Z'),
      });
      expect(again.created).toBe(false);
      expect(again.report.takenAt).toBe('2026-11-20T03:00:00.000Z');
      expect(
        Number((await db('coverage_snapshots').count({ n: '*' }).first())!.n),
      ).toBe(1);
      expect((await store.latestReport())!.takenAt).toBe(
        '2026-11-20T03:00:00.000Z',
      );

      const changed = await store.save({
        ...data,
        report: report('2026-11-20', 6, '2026-11-20T10:00:00.000Z'),
      });
      expect(changed.created).toBe(false);
      expect(
        (await store.latestReport())!.organisation.measures.coverage.numerator,
      ).toBe(6);
      expect(
        Number((await db('coverage_scope_days').count({ n: '*' }).first())!.n),
      ).toBe(2);
      expect(await store.latestMissing()).toEqual(data.missing);
      expect(
        (await store.entitiesOwnedBy(['group:default/a'])).map(
          e => e.entityRef,
        ),
      ).toEqual(['component:default/a']);
    });

    it('gives the trend of a scope, oldest first, with null for no denominator', async () => {
      await store.save({
        report: report('2026-11-21', 7),
        missing: [],
        entities: [],
      });
      await store.save({
        report: report('2026-11-22', 8),
        missing: [],
        entities: [],
      });
      const points = await store.trend('organisation', '2026-11-21');
      expect(
        points.map(p => [p.day, p.ratios.coverage, p.ratios.hygiene]),
      ).toEqual([
        ['2026-11-21', 0.7, null],
        ['2026-11-22', 0.8, null],
      ]);
      expect((await store.trend('group:default/a', '2026-01-01')).length).toBe(
        3,
      );
      expect(await store.entitiesOwnedBy(['group:default/a'])).toEqual([]);
    });

    it('keeps the last good list of each source and the pull requests', async () => {
      await store.saveSourceRecords(
        'github',
        [{ name: 'a' }],
        '2026-11-20T00:00:00.000Z',
      );
      await store.saveSourceRecords(
        'github',
        [{ name: 'b' }],
        '2026-11-21T00:00:00.000Z',
      );
      expect(await store.lastSourceRecords('github')).toEqual({
        records: [{ name: 'b' }],
        fetchedAt: '2026-11-21T00:00:00.000Z',
      });
      expect(await store.lastSourceRecords('pagerduty')).toBeUndefined();
      await store.savePullRequest({
        repoSlug: 'acme/x',
        host: 'githost',
        url: 'u1',
        branch: 'b',
        createdAt: 't',
      });
      await store.savePullRequest({
        repoSlug: 'acme/x',
        host: 'githost',
        url: 'u2',
        branch: 'b',
        createdAt: 't',
      });
      expect(await store.pullRequests()).toEqual(new Map([['acme/x', 'u2']]));
    });

    it('migrations go down cleanly and up again', async () => {
      await migrateDown(db);
      expect(await db.schema.hasTable('coverage_snapshots')).toBe(false);
      await migrateUp(db);
      expect(await db.schema.hasTable('coverage_snapshots')).toBe(true);
    });
  },
);
