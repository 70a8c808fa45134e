import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateUp } from './migrate';
import { DatabaseSurveyStore } from './SurveyStore';
import { DatabaseDeploymentStore } from './DeploymentStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'survey and deployment stores on %p',
  databaseId => {
    let db: Knex;
    beforeAll(async () => {
      db = await databases.init(databaseId);
      await migrateUp(db);
    });

    it('stores one answer per person per quarter, the last one winning', async () => {
      const store = new DatabaseSurveyStore(db);
      const answer = {
        quarter: '2026-Q4',
        userRef: 'user:default/ana',
        groupRefs: ['group:default/team-a'],
        score: 6,
        comment: 'slow search',
        answeredAt: new Date('2026-11-02T10:00:00Z'),
        source: 'live' as const,
      };
      await store.putAnswer(answer);
      await store.putAnswer({
        ...answer,
        score: 9,
        comment: undefined,
        answeredAt: new Date('2026-11-20T10:00:00Z'),
      });
      await store.putAnswer({ ...answer, quarter: '2026-Q3', score: 3 });
      expect(await store.getAnswer('2026-Q4', 'user:default/ana')).toEqual({
        ...answer,
        score: 9,
        comment: undefined,
        answeredAt: new Date('2026-11-20T10:00:00Z'),
      });
      expect(
        (await store.listAnswers(['2026-Q4', '2026-Q3']))
          .map(a => a.score)
          .sort(),
      ).toEqual([3, 9]);

      await store.putPrompt('2026-Q4', 'user:default/bo', {
        dismissed: false,
        postponedUntil: new Date('2026-11-29T00:00:00Z'),
      });
      expect(await store.getPrompt('2026-Q4', 'user:default/bo')).toEqual({
        dismissed: false,
        postponedUntil: new Date('2026-11-29T00:00:00Z'),
      });
      await store.putPrompt('2026-Q4', 'user:default/bo', { dismissed: true });
      expect(await store.getPrompt('2026-Q4', 'user:default/bo')).toEqual({
        dismissed: true,
        postponedUntil: undefined,
      });
    });

    it('counts the same deployment reported twice once, keeping the earliest time and all authors', async () => {
      const store = new DatabaseDeploymentStore(db);
      const base = {
        serviceRef: 'component:default/payments',
        environment: 'production',
        revision: 'a'.repeat(40),
        source: 'live' as const,
      };
      const first = await store.record({
        ...base,
        deployedAt: new Date('2026-11-10T10:05:00Z'),
        reportedBy: 'api',
        authors: ['user:default/ana'],
      });
      const again = await store.record({
        ...base,
        deployedAt: new Date('2026-11-10T10:00:00Z'),
        reportedBy: 'argocd',
        authors: ['user:default/ana', 'user:default/bo'],
      });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect(await store.count()).toBe(1);
      const firsts = await store.firstDeployments(
        [
          {
            userRef: 'user:default/ana',
            since: new Date('2026-11-01T00:00:00Z'),
          },
          {
            userRef: 'user:default/bo',
            since: new Date('2026-11-01T00:00:00Z'),
          },
          {
            userRef: 'user:default/cy',
            since: new Date('2026-11-01T00:00:00Z'),
          },
        ],
        'production',
      );
      expect(firsts).toEqual(
        new Map([
          ['user:default/ana', new Date('2026-11-10T10:00:00Z')],
          ['user:default/bo', new Date('2026-11-10T10:00:00Z')],
        ]),
      );
      // Another environment, or another commit, is another deployment.
      await store.record({
        ...base,
        environment: 'staging',
        deployedAt: new Date('2026-11-09T00:00:00Z'),
        reportedBy: 'api',
        authors: ['user:default/cy'],
      });
      await store.record({
        ...base,
        revision: 'b'.repeat(40),
        deployedAt: new Date('2026-11-12T00:00:00Z'),
        reportedBy: 'api',
        authors: ['user:default/cy'],
      });
      expect(await store.count()).toBe(3);
      const cy = await store.firstDeployments(
        [
          {
            userRef: 'user:default/cy',
            since: new Date('2026-11-01T00:00:00Z'),
          },
        ],
        'production',
      );
      expect(cy.get('user:default/cy')).toEqual(
        new Date('2026-11-12T00:00:00Z'),
      );
      // Bulk inserts skip what is known, and duplicates within the batch.
      const inserted = await store.recordMany([
        {
          ...base,
          deployedAt: new Date('2026-11-10T09:00:00Z'),
          reportedBy: 'demo',
          authors: [],
        },
        {
          ...base,
          revision: 'c'.repeat(40),
          deployedAt: new Date('2026-11-13T00:00:00Z'),
          reportedBy: 'demo',
          authors: ['user:default/dee'],
        },
        {
          ...base,
          revision: 'c'.repeat(40),
          deployedAt: new Date('2026-11-14T00:00:00Z'),
          reportedBy: 'demo',
          authors: ['user:default/dee'],
        },
      ]);
      expect(inserted).toBe(1);
      expect(await store.count()).toBe(4);
    });
  },
);
