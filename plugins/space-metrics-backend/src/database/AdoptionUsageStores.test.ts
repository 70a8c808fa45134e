import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateUp } from './migrate';
import { DatabaseAdoptionStore } from './AdoptionStore';
import { DatabaseUsageStore, splitRange } from './UsageStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'adoption and usage stores on %p',
  databaseId => {
    let db: Knex;
    beforeAll(async () => {
      db = await databases.init(databaseId);
      await migrateUp(db);
    });

    it('remembers when components first appeared and reads Scaffolder runs by period', async () => {
      const store = new DatabaseAdoptionStore(db);
      await store.putComponents([
        {
          entityRef: 'component:default/old',
          firstSeenAt: new Date('2026-01-01T00:00:00Z'),
          baseline: true,
          source: 'live',
        },
        {
          entityRef: 'component:default/new',
          firstSeenAt: new Date('2026-10-05T00:00:00Z'),
          baseline: false,
          ownerRef: 'group:default/team-a',
          templateRef: 'template:default/go-service',
          templateVersion: '0.9.0',
          source: 'live',
        },
      ]);
      // A later sighting updates the template version but not the first-seen time.
      await store.putComponents([
        {
          entityRef: 'component:default/new',
          firstSeenAt: new Date('2026-11-01T00:00:00Z'),
          baseline: false,
          ownerRef: 'group:default/team-a',
          templateRef: 'template:default/go-service',
          templateVersion: '1.0.0',
          source: 'live',
        },
      ]);
      const seen = await store.componentsFirstSeen(
        new Date('2025-01-01T00:00:00Z'),
        new Date('2027-01-01T00:00:00Z'),
      );
      expect(
        seen.map(c => [
          c.entityRef,
          c.firstSeenAt.toISOString(),
          c.templateVersion,
        ]),
      ).toEqual([
        ['component:default/new', '2026-10-05T00:00:00.000Z', '1.0.0'],
      ]);
      await store.putTasks([
        {
          taskId: 't1',
          templateRef: 'template:default/go-service',
          status: 'processing',
          createdAt: new Date('2026-10-05T10:00:00Z'),
          source: 'live',
        },
      ]);
      expect(await store.unfinishedTaskIds()).toEqual(new Set(['t1']));
      await store.putTasks([
        {
          taskId: 't1',
          templateRef: 'template:default/go-service',
          status: 'completed',
          createdAt: new Date('2026-10-05T10:00:00Z'),
          finishedAt: new Date('2026-10-05T10:01:30Z'),
          source: 'live',
        },
      ]);
      expect(await store.unfinishedTaskIds()).toEqual(new Set());
      const [t1] = await store.tasksCreated(
        new Date('2026-10-01T00:00:00Z'),
        new Date('2026-11-01T00:00:00Z'),
      );
      expect(t1.finishedAt).toEqual(new Date('2026-10-05T10:01:30Z'));
    });

    it('aggregates usage per day and keeps aggregates after raw events are deleted', async () => {
      const store = new DatabaseUsageStore(db);
      const at = (iso: string) => new Date(iso);
      await store.insertEvents([
        {
          occurredAt: at('2026-11-23T09:00:00Z'),
          userRef: 'user:default/ana',
          category: 'page',
          subject: '/catalog',
          source: 'live',
        },
        {
          occurredAt: at('2026-11-23T09:05:00Z'),
          userRef: 'user:default/ana',
          category: 'page',
          subject: '/catalog',
          source: 'live',
        },
        {
          occurredAt: at('2026-11-23T10:00:00Z'),
          userRef: 'user:default/bo',
          category: 'search-empty',
          subject: 'kafka',
          source: 'live',
        },
        {
          occurredAt: at('2026-11-24T10:00:00Z'),
          userRef: 'user:default/bo',
          category: 'page',
          subject: '/create',
          source: 'demo',
        },
      ]);
      expect(await store.daysWithEvents('2026-11-01')).toEqual([
        '2026-11-23',
        '2026-11-24',
      ]);
      const counts = await store.countDay('2026-11-23');
      expect(counts.find(c => c.subject === '/catalog')).toEqual({
        category: 'page',
        subject: '/catalog',
        userRef: 'user:default/ana',
        source: 'live',
        count: 2,
      });
      await store.replaceDaily('2026-11-23', [
        {
          category: 'page',
          subject: '/catalog',
          teamRef: 'group:default/team-a',
          count: 2,
          source: 'live',
        },
        {
          category: 'page',
          subject: '/catalog',
          teamRef: '*',
          count: 2,
          source: 'live',
        },
        {
          category: 'search-empty',
          subject: 'kafka',
          teamRef: '',
          count: 1,
          source: 'live',
        },
        {
          category: 'search-empty',
          subject: 'kafka',
          teamRef: '*',
          count: 1,
          source: 'live',
        },
      ]);
      await store.replaceDaily('2026-10-05', [
        {
          category: 'page',
          subject: '/create',
          teamRef: '*',
          count: 5,
          source: 'live',
        },
        {
          category: 'page',
          subject: '/catalog',
          teamRef: '*',
          count: 1,
          source: 'live',
        },
      ]);
      await store.replaceMonthly('2026-10');
      await store.replaceMonthly('2026-11');
      const people = await store.activePeople('2026-11-23', '2026-11-30');
      expect(people.get('live')).toEqual(
        new Set(['user:default/ana', 'user:default/bo']),
      );
      await store.replaceActive('week', '2026-11-23', [
        { groupRef: '', users: 2, source: 'live' },
        { groupRef: '', users: 1, source: 'demo' },
      ]);
      expect(await store.deleteEventsBefore(at('2026-11-24T00:00:00Z'))).toBe(
        3,
      );
      expect(
        await store.top({
          category: 'page',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          limit: 5,
        }),
      ).toEqual([{ key: '/catalog', count: 2 }]);
      expect(
        await store.top({
          category: 'page',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          teams: ['group:default/team-b'],
          limit: 5,
        }),
      ).toEqual([]);
      expect(
        await store.top({
          category: 'page',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          teams: ['group:default/team-a'],
          limit: 5,
        }),
      ).toEqual([{ key: '/catalog', count: 2 }]);
      // Whole months come from the monthly totals, the days around them from the daily ones.
      expect(
        await store.top({
          category: 'page',
          fromDay: '2026-10-01',
          toDay: '2026-11-25',
          limit: 5,
        }),
      ).toEqual([
        { key: '/create', count: 5 },
        { key: '/catalog', count: 3 },
      ]);
      expect(
        await store.top({
          category: 'page',
          fromDay: '2026-10-06',
          toDay: '2026-11-25',
          limit: 5,
        }),
      ).toEqual([{ key: '/catalog', count: 2 }]);
      expect(
        await store.active({
          period: 'week',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          groupRef: '',
        }),
      ).toEqual([{ start: '2026-11-23', users: 3 }]);
      expect(await store.hasDemo()).toBe(true);
    });
  },
);

describe('splitRange', () => {
  it('reads whole months from the monthly totals and the rest day by day', () => {
    expect(splitRange('2025-11-27', '2026-11-26')).toEqual({
      months: ['2025-12', '2026-10'],
      days: [
        ['2025-11-27', '2025-11-30'],
        ['2026-11-01', '2026-11-26'],
      ],
    });
    expect(splitRange('2026-01-01', '2026-12-31')).toEqual({
      months: ['2026-01', '2026-12'],
      days: [],
    });
    expect(splitRange('2026-11-03', '2026-11-20')).toEqual({
      days: [['2026-11-03', '2026-11-20']],
    });
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({
      months: ['2024-02', '2024-02'],
      days: [],
    });
  });
});
