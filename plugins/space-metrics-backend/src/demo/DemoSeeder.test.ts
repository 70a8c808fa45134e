import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createServices } from '../__testUtils__/services';
import { testOrg } from '../__testUtils__/org';
import { migrateUp } from '../database/migrate';
import { parsePeriod } from '../services/period';
import { DemoSeeder } from './DemoSeeder';

jest.setTimeout(120_000);
const databases = createTestDatabases();
const NOW = new Date('2026-11-26T12:00:00Z');

describe.each(databases.eachSupportedId())(
  'the demo seed on %p',
  databaseId => {
    it('waits for a settled catalog, seeds a year of marked demo history once, and removes it again', async () => {
      const db = await databases.init(databaseId);
      await migrateUp(db);
      const services = createServices(db, { now: () => NOW });
      const org = testOrg();
      const seeder = new DemoSeeder({
        db,
        meta: services.stores.meta,
        survey: services.stores.survey,
        deployments: services.stores.deployments,
        adoption: services.stores.adoption,
        usageStore: services.stores.usage,
        usage: services.usage,
        loadOrg: async () => org,
        components: async () => [
          {
            ref: 'component:default/a-service',
            ownerRef: 'group:default/team-a',
          },
          {
            ref: 'component:default/b-service',
            ownerRef: 'group:default/team-b',
          },
        ],
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
      // The first look only notes the catalog's size.
      expect(await seeder.seed()).toBe(false);
      expect(await seeder.seed()).toBe(true);
      expect(await services.isDemo()).toBe(true);

      const period = parsePeriod({ from: '2025-10-01', to: '2026-11-26' }, org);
      const nps = await services.nps.report(period);
      expect(nps.demo).toBe(true);
      expect(nps.trend.filter(f => f.shown).length).toBeGreaterThanOrEqual(4);
      const usage = await services.usage.report(period, true);
      expect(usage.weekly.length).toBeGreaterThan(40);
      expect(usage.emptySearches.length).toBeGreaterThan(0);
      // Only aggregates remain of events older than the retention time.
      const [{ oldest }] = await db('usage_events').min({ oldest: 'day' });
      expect(oldest >= '2026-08-28').toBe(true);
      const adoption = await services.adoption.report(period);
      expect(adoption.periods.some(p => p.fromTemplate > 0)).toBe(true);
      const ttfd = await services.ttfd.report(
        parsePeriod({ from: '2025-10-01', to: '2026-03-31' }, org),
      );
      expect(ttfd.cohorts.find(c => c.quarter === '2026-Q1')).toMatchObject({
        shown: true,
        engineers: 9,
      });
      // Every seeded row is marked as demo data.
      for (const table of [
        'survey_answers',
        'deployments',
        'components_seen',
        'scaffolder_tasks',
        'usage_daily',
        'usage_active',
      ]) {
        expect(await db(table).whereNot({ source: 'demo' })).toEqual([]);
      }

      // Seeding again changes nothing.
      const answers = await db('survey_answers').count({ n: '*' });
      expect(await seeder.seed()).toBe(true);
      expect(await db('survey_answers').count({ n: '*' })).toEqual(answers);

      await seeder.remove();
      expect(await services.isDemo()).toBe(false);
      for (const table of [
        'survey_answers',
        'deployments',
        'deployment_authors',
        'components_seen',
        'scaffolder_tasks',
        'usage_events',
        'usage_daily',
        'usage_active',
      ]) {
        expect(await db(table)).toEqual([]);
      }
    });
  },
);
