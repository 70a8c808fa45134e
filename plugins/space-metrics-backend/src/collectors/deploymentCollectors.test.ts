import { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import { ArgoCdStandin, GithubDeploymentsStandin } from '@internal/standins';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createServices } from '../__testUtils__/services';
import { migrateUp } from '../database/migrate';
import { ArgoCdCollector } from './ArgoCdCollector';
import { GithubClient } from './GithubClient';
import { GithubDeploymentsCollector } from './GithubDeploymentsCollector';

jest.setTimeout(60_000);
const databases = createTestDatabases();
const component = {
  ref: 'component:default/payments',
  argoApp: 'payments',
  githubRepo: 'acme/payments',
};

describe.each(databases.eachSupportedId())(
  'deployment collectors on %p',
  databaseId => {
    let db: Knex;
    let argo: ArgoCdStandin;
    let github: GithubDeploymentsStandin;
    let services: ReturnType<typeof createServices>;

    beforeAll(async () => {
      db = await databases.init(databaseId);
      await migrateUp(db);
      argo = await ArgoCdStandin.start();
      github = await GithubDeploymentsStandin.start();
    });
    afterAll(async () => {
      await argo.stop();
      await github.stop();
    });
    beforeEach(async () => {
      // The collectors' cursors (space_meta) stay: the stand-ins keep their history too.
      for (const t of ['deployment_authors', 'deployments'])
        await db(t).delete();
      services = createServices(db, {
        now: () => new Date('2026-12-01T00:00:00Z'),
      });
    });

    const argoCollector = () =>
      new ArgoCdCollector({
        baseUrl: argo.url,
        token: argo.token,
        github: new GithubClient(github.url, github.token),
        store: services.stores.deployments,
        meta: services.stores.meta,
        org: services.org,
        logger: mockServices.logger.mock(),
      });

    it('reads Argo CD sync history and the commit authors behind each sync', async () => {
      // team-a people started 2026-01-12 (see __testUtils__/org.ts).
      const c1 = github.world.commit('acme/payments', { login: 'team-a-0-gh' });
      const c2 = github.world.commit('acme/payments', {
        email: 'team-a.1@example.com',
        name: 'A One',
      });
      const c3 = github.world.commit('acme/payments', {
        login: 'outside-contributor',
      });
      argo.world.addApp('payments', {
        repoURL: 'https://github.com/acme/payments.git',
      });
      argo.world.sync('payments', c1, new Date('2026-01-20T10:00:00Z'));
      argo.world.sync('payments', c3, new Date('2026-01-27T10:00:00Z'));

      expect(await argoCollector().run([component])).toBe(2);
      expect(await services.stores.deployments.count()).toBe(2);
      const first = await services.stores.deployments.firstDeployments(
        ['team-a-0', 'team-a-1'].map(n => ({
          userRef: `user:default/${n}`,
          since: new Date('2026-01-12T00:00:00Z'),
        })),
        'production',
      );
      expect(first).toEqual(
        new Map([
          ['user:default/team-a-0', new Date('2026-01-20T10:00:00Z')],
          // c2 shipped with c3 in the second sync (compare c1...c3).
          ['user:default/team-a-1', new Date('2026-01-27T10:00:00Z')],
        ]),
      );
      expect(c2).toBeDefined();

      // Nothing new: nothing recorded, and the history is not read twice.
      expect(await argoCollector().run([component])).toBe(0);
      const c4 = github.world.commit('acme/payments', { login: 'team-a-2-gh' });
      argo.world.sync('payments', c4, new Date('2026-02-03T10:00:00Z'));
      expect(await argoCollector().run([component])).toBe(1);
    });

    it('counts a deployment that Argo CD and CI both report once', async () => {
      const sha = github.world.commit('acme/payments', {
        login: 'team-b-0-gh',
      });
      const res = await services.deployments.report({
        service: 'payments',
        environment: 'production',
        revision: sha,
        deployedAt: '2026-03-01T10:02:00Z',
        commitAuthors: ['team-b-0-gh'],
      });
      expect(res.created).toBe(true);
      argo.world.sync('payments', sha, new Date('2026-03-01T10:00:00Z'));
      expect(await argoCollector().run([component])).toBe(0);
      const rows = await db('deployments').where({ revision: sha });
      expect(rows).toHaveLength(1);
      // The earlier of the two reported times stands.
      expect(new Date(rows[0].deployed_at)).toEqual(
        new Date('2026-03-01T10:00:00Z'),
      );
    });

    it('leaves other components alone when one Argo CD app cannot be read', async () => {
      const logger = mockServices.logger.mock();
      const collector = new ArgoCdCollector({
        baseUrl: argo.url,
        token: 'wrong-token',
        store: services.stores.deployments,
        meta: services.stores.meta,
        org: services.org,
        logger,
      });
      expect(await collector.run([component])).toBe(0);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /Argo CD history of payments .* could not be read: .*401/,
        ),
      );
    });

    it('reads GitHub deployments from their first success, and waits for those still running', async () => {
      const repo = 'acme/ledger';
      const s1 = github.world.commit(repo, { login: 'team-b-1-gh' });
      const s2 = github.world.commit(repo, { login: 'team-b-2-gh' });
      github.world.deploy(repo, {
        sha: s1,
        at: new Date('2026-02-01T09:00:00Z'),
        statuses: [
          { state: 'in_progress', at: new Date('2026-02-01T09:00:30Z') },
          { state: 'success', at: new Date('2026-02-01T09:03:00Z') },
        ],
      });
      const running = github.world.deploy(repo, {
        sha: s2,
        at: new Date('2026-02-02T09:00:00Z'),
        statuses: [
          { state: 'in_progress', at: new Date('2026-02-02T09:00:30Z') },
        ],
      });
      github.world.deploy(repo, {
        sha: s2,
        environment: 'staging',
        at: new Date('2026-02-01T12:00:00Z'),
      });
      const collector = new GithubDeploymentsCollector({
        github: new GithubClient(github.url, github.token),
        environments: ['production'],
        store: services.stores.deployments,
        meta: services.stores.meta,
        org: services.org,
        logger: mockServices.logger.mock(),
      });
      const ledger = { ref: 'component:default/ledger', githubRepo: repo };
      expect(await collector.run([ledger])).toBe(1);
      github.world.addStatus(
        repo,
        running.id,
        'success',
        new Date('2026-02-02T09:04:00Z'),
      );
      expect(await collector.run([ledger])).toBe(1);
      expect(await collector.run([ledger])).toBe(0);
      const authors = await db('deployment_authors').orderBy('deployed_at');
      expect(
        authors.map(a => [a.user_ref, new Date(a.deployed_at).toISOString()]),
      ).toEqual([
        ['user:default/team-b-1', '2026-02-01T09:03:00.000Z'],
        ['user:default/team-b-2', '2026-02-02T09:04:00.000Z'],
      ]);
    });
  },
);
