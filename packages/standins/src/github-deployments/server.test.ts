import { GithubDeploymentsStandin } from './server';

describe('GithubDeploymentsStandin', () => {
  let gh: GithubDeploymentsStandin;
  let shas: string[];
  beforeAll(async () => {
    gh = await GithubDeploymentsStandin.start();
    shas = ['ana', 'bo', 'ana', 'cy'].map((login, i) =>
      gh.world.commit('acme/payments', {
        login,
        at: new Date(Date.UTC(2026, 10, 1 + i)),
      }),
    );
    gh.world.deploy('acme/payments', {
      sha: shas[1],
      at: new Date('2026-11-05T10:00:00Z'),
    });
    gh.world.deploy('acme/payments', {
      sha: shas[3],
      at: new Date('2026-11-06T10:00:00Z'),
      statuses: [
        { state: 'in_progress', at: new Date('2026-11-06T10:00:10Z') },
      ],
    });
    gh.world.deploy('acme/payments', {
      sha: shas[3],
      environment: 'staging',
      at: new Date('2026-11-06T09:00:00Z'),
    });
  });
  afterAll(() => gh.stop());

  const get = (path: string, token: string | null = gh.token) =>
    fetch(`${gh.url}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });

  it('lists deployments of an environment, newest first, with pagination links', async () => {
    const res = await get(
      '/repos/acme/payments/deployments?environment=production&per_page=1',
    );
    const body = await res.json();
    expect(body.map((d: any) => d.sha)).toEqual([shas[3]]);
    expect(body[0]).toMatchObject({
      environment: 'production',
      ref: 'main',
      creator: { login: 'github-actions[bot]' },
    });
    expect(res.headers.get('link')).toContain('page=2>; rel="next"');
    const page2 = await (
      await get(
        '/repos/acme/payments/deployments?environment=production&per_page=1&page=2',
      )
    ).json();
    expect(page2.map((d: any) => d.sha)).toEqual([shas[1]]);
  });

  it('gives statuses newest first', async () => {
    const [latest] = await (
      await get('/repos/acme/payments/deployments?environment=production')
    ).json();
    gh.world.addStatus(
      'acme/payments',
      latest.id,
      'success',
      new Date('2026-11-06T10:03:00Z'),
    );
    const statuses = await (
      await get(`/repos/acme/payments/deployments/${latest.id}/statuses`)
    ).json();
    expect(statuses.map((s: any) => s.state)).toEqual([
      'success',
      'in_progress',
    ]);
  });

  it('compares two commits, and reads one commit', async () => {
    const compare = await (
      await get(`/repos/acme/payments/compare/${shas[1]}...${shas[3]}`)
    ).json();
    expect(compare).toMatchObject({
      status: 'ahead',
      ahead_by: 2,
      total_commits: 2,
    });
    expect(compare.commits.map((c: any) => c.author.login)).toEqual([
      'ana',
      'cy',
    ]);
    const commit = await (
      await get(`/repos/acme/payments/commits/${shas[0]}`)
    ).json();
    expect(commit.commit.author.email).toBe('ana@users.noreply.github.com');
    expect((await get('/repos/acme/payments/commits/deadbeef')).status).toBe(
      422,
    );
  });

  it('refuses a bad token and unknown repositories', async () => {
    expect((await get('/repos/acme/payments/deployments', 'nope')).status).toBe(
      401,
    );
    expect((await get('/repos/acme/other/deployments')).status).toBe(404);
  });

  it('gives membership changes from the organisation audit log, newest first', async () => {
    gh.world.membership('acme', 'ana', new Date('2026-01-12T09:00:00Z'));
    gh.world.membership('acme', 'bo', new Date('2026-02-02T09:00:00Z'));
    gh.world.membership(
      'acme',
      'bo',
      new Date('2026-05-02T09:00:00Z'),
      'org.remove_member',
    );
    const added = await (
      await get(
        '/orgs/acme/audit-log?phrase=action:org.add_member&per_page=100',
      )
    ).json();
    expect(
      added.map((e: any) => [
        e.user,
        e.action,
        new Date(e.created_at).toISOString(),
      ]),
    ).toEqual([
      ['bo', 'org.add_member', '2026-02-02T09:00:00.000Z'],
      ['ana', 'org.add_member', '2026-01-12T09:00:00.000Z'],
    ]);
    expect((await get('/orgs/acme/audit-log', 'nope')).status).toBe(401);
  });
});
