import { GithubDeploymentsStandin } from '@internal/standins';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { staticOrg, testOrg } from '../__testUtils__/org';
import { migrateUp } from '../database/migrate';
import { MembershipStore } from '../database/MembershipStore';
import { DatabaseDeploymentStore } from '../database/DeploymentStore';
import { MembershipOrgSource } from '../services/MembershipOrgSource';
import { OrgModel } from '../services/OrgModel';
import { TtfdService } from '../services/TtfdService';
import { parsePeriod } from '../services/period';
import { GithubMembershipCollector } from './GithubMembershipCollector';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'GitHub membership dates on %p',
  databaseId => {
    let github: GithubDeploymentsStandin;
    beforeAll(async () => {
      github = await GithubDeploymentsStandin.start();
    });
    afterAll(() => github.stop());

    it('gives people without a start-date annotation their org join date, for time to first deploy', async () => {
      const db = await databases.init(databaseId);
      await migrateUp(db);
      // team-c has no start dates in the catalog; GitHub knows when they joined.
      const base = testOrg();
      const org = new OrgModel(
        [...base.groups.values()],
        [...base.users.values()].map(u =>
          u.ref.includes('team-c') ? { ...u, startDate: undefined } : u,
        ),
      );
      for (let i = 0; i < 3; i++) {
        github.world.membership(
          'acme',
          `team-c-${i}-gh`,
          new Date('2025-03-01T09:00:00Z'),
        );
        github.world.membership(
          'acme',
          `team-c-${i}-gh`,
          new Date(`2026-04-0${i + 1}T09:00:00Z`),
        );
      }
      github.world.membership(
        'acme',
        'team-a-0-gh',
        new Date('2020-01-01T00:00:00Z'),
      );
      const store = new MembershipStore(db);
      const collector = new GithubMembershipCollector({
        apiBaseUrl: github.url,
        token: github.token,
        org: 'acme',
        store,
      });
      expect(await collector.run()).toBe(7);
      expect(await collector.run()).toBe(0);

      const source = new MembershipOrgSource(staticOrg(org), store);
      const model = await source.get();
      // The latest join counts (people who left and came back start again).
      expect(model.users.get('user:default/team-c-0')?.startDate).toBe(
        '2026-04-01',
      );
      // The catalog's annotation wins over GitHub.
      expect(model.users.get('user:default/team-a-0')?.startDate).toBe(
        '2026-01-12',
      );

      const deployments = new DatabaseDeploymentStore(db);
      for (let i = 0; i < 3; i++) {
        await deployments.record({
          serviceRef: 'component:default/c',
          environment: 'production',
          revision: `${i}`.repeat(40),
          deployedAt: new Date(`2026-04-${11 + i * 2}T00:00:00Z`),
          reportedBy: 'api',
          authors: [`user:default/team-c-${i}`],
          source: 'live',
        });
      }
      const ttfd = new TtfdService(deployments, source, 3, async () => false);
      const report = await ttfd.report(
        parsePeriod({ from: '2026-04-01', to: '2026-06-30' }, model),
      );
      // Joined Apr 1, 2, 3; deployed Apr 11, 13, 15: 10, 11, 12 days.
      expect(report.cohorts).toEqual([
        {
          quarter: '2026-Q2',
          shown: true,
          engineers: 3,
          deployed: 3,
          medianDays: 11,
          p75Days: 11.5,
        },
      ]);
    });
  },
);
