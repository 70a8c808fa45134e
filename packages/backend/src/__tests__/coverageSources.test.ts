import request from 'supertest';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import coveragePlugin from '@internal/plugin-coverage-backend';
import coverageModuleArgoCd from '@internal/plugin-coverage-backend-module-argocd';
import coverageModuleGithub from '@internal/plugin-coverage-backend-module-github';
import coverageModulePagerDuty from '@internal/plugin-coverage-backend-module-pagerduty';
import {
  ArgoCdStandin,
  GithubStandin,
  GithubWorld,
  PagerDutyStandin,
} from '@internal/standins';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'acme-pay/payments' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  },
];

/**
 * The portal's coverage plugin with the three source modules, as
 * packages/backend installs them, against the GitHub, Argo CD and PagerDuty
 * stand-ins: what the sources report becomes the snapshot, a source that is
 * down is named instead of counted as a drop, and "add to catalog" opens a
 * real pull request on the GitHub stand-in.
 */
describe('coverage from GitHub, Argo CD and PagerDuty', () => {
  let github: GithubStandin;
  let argo: ArgoCdStandin;
  let pd: PagerDutyStandin;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    const world = new GithubWorld();
    const files = { 'README.md': 'hi\n' };
    world.addRepo('acme-pay', { name: 'payments', files });
    world.addRepo('acme-pay', {
      name: 'ledger',
      files: { '.github/CODEOWNERS': '* @acme-pay/team-payments\n' },
    });
    world.addRepo('acme-pay', { name: 'old-site', files, archived: true });
    github = await GithubStandin.start({ world });
    argo = await ArgoCdStandin.start();
    argo.world.addApp('payments', {
      repoURL: 'https://github.com/acme-pay/payments.git',
    });
    pd = await PagerDutyStandin.start();
    pd.world.addService('Payments', {
      id: 'PPAYMNT',
      description: 'https://github.com/acme-pay/payments',
    });

    backend = await startTestBackend({
      features: [
        coveragePlugin,
        coverageModuleGithub,
        coverageModuleArgoCd,
        coverageModulePagerDuty,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [github.integrationConfig()] },
            coverage: {
              // Snapshots only when the test asks.
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
              github: { organization: 'acme-pay' },
              argocd: { baseUrl: argo.url, token: argo.token },
              pagerduty: { apiBaseUrl: pd.url, token: pd.token },
            },
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await Promise.all([github?.stop(), argo?.stop(), pd?.stop()]);
  });

  const api = () => request(backend.server);
  const auth = { Authorization: mockCredentials.user.header() };

  it('counts what the three sources report, de-duplicated by repository, and opens a pull request on GitHub for the missing one', async () => {
    const snapshot = await api().post('/api/coverage/snapshots').set(auth);
    expect(snapshot.status).toBe(200);

    const report = await api().get('/api/coverage/report').set(auth);
    expect(report.status).toBe(200);
    expect(report.body.sources.map((s: any) => [s.id, s.ok, s.count])).toEqual([
      ['github', true, 2],
      ['argocd', true, 1],
      ['pagerduty', true, 1],
    ]);
    expect(report.body.missingSources).toEqual([]);
    // payments (GitHub, Argo CD and PagerDuty: one service) and ledger.
    expect(report.body.organisation.measures.coverage).toMatchObject({
      numerator: 1,
      denominator: 2,
    });

    const missing = await api().get('/api/coverage/missing').set(auth);
    expect(missing.body.items).toEqual([
      expect.objectContaining({
        repoSlug: 'acme-pay/ledger',
        url: 'https://github.com/acme-pay/ledger',
        ownerGuess: expect.objectContaining({ basis: 'codeowners' }),
      }),
    ]);

    const pr = await api()
      .post('/api/coverage/missing/acme-pay/ledger/pull-request')
      .set(auth);
    expect(pr.status).toBe(201);
    expect(pr.body).toMatchObject({
      host: 'github',
      url: 'https://github.com/acme-pay/ledger/pull/1',
    });
    const pulls = await fetch(
      `${github.url}/repos/acme-pay/ledger/pulls?state=open`,
      { headers: { authorization: `token ${github.token}` } },
    ).then(r => r.json());
    expect(pulls.map((p: any) => p.head.ref)).toEqual([pr.body.branch]);
  });

  it('names a source that is down instead of reporting a drop', async () => {
    github.traffic.inject({ kind: 'primary-rate-limit', seconds: 600 });
    pd.inject({ kind: 'down' });
    try {
      const snapshot = await api().post('/api/coverage/snapshots').set(auth);
      expect(snapshot.status).toBe(200);
      const report = await api().get('/api/coverage/report').set(auth);
      expect(report.body.missingSources.sort()).toEqual([
        'github',
        'pagerduty',
      ]);
      const byId = Object.fromEntries(
        report.body.sources.map((s: any) => [s.id, s]),
      );
      expect(byId.github.error).toMatch(
        /^GitHub organisation acme-pay could not be read: GitHub's rate limit is used up until/,
      );
      expect(byId.pagerduty.error).toMatch(/PagerDuty is unreachable/);
      // The last good lists stand in: the denominator does not drop.
      expect(report.body.organisation.measures.coverage).toMatchObject({
        numerator: 1,
        denominator: 2,
      });
    } finally {
      github.traffic.clearFaults();
      pd.clearFaults();
    }
  });
});
