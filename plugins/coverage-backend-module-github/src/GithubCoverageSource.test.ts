import { GithubStandin } from '@internal/standins';
import { GithubCoverageSource } from './GithubCoverageSource';
import { acmeWorld, apiFor, DAY } from './__testUtils__/acmeOnGithub';

describe('GithubCoverageSource against the GitHub stand-in', () => {
  let github: GithubStandin;
  beforeAll(async () => {
    github = await GithubStandin.start({ world: acmeWorld(120) });
  });
  afterAll(() => github.stop());
  afterEach(() => github.traffic.clearFaults());

  const source = (overrides = {}) =>
    new GithubCoverageSource(apiFor(github, overrides), {
      activityWindowDays: 90,
    });

  it('lists active repositories across pages, leaving out archived, forks and stale ones', async () => {
    const before = github.traffic.log.length;
    const services = await source().listProductionServices();
    const names = services.map(s => s.name);
    expect(names).toHaveLength(122);
    expect(names).toEqual(expect.arrayContaining(['payments', 'Ledger']));
    for (const excluded of ['old-archive', 'payments-fork', 'stale']) {
      expect(names).not.toContain(excluded);
    }
    expect(services.find(s => s.name === 'Ledger')).toEqual({
      name: 'Ledger',
      repoSlug: 'acme-pay/Ledger',
      annotations: { 'github.com/project-slug': 'acme-pay/Ledger' },
      url: 'https://github.com/acme-pay/Ledger',
    });
    const pages = github.traffic.log
      .slice(before)
      .filter(r => r.path.startsWith('/orgs/acme-pay/repos'));
    expect(pages.map(p => p.status)).toEqual([200, 200]);
  });

  it('counts a repository by its last push against the window', async () => {
    const wide = new GithubCoverageSource(apiFor(github), {
      activityWindowDays: 365,
    });
    expect((await wide.listProductionServices()).map(s => s.name)).toContain(
      'stale',
    );
    const later = new GithubCoverageSource(apiFor(github), {
      activityWindowDays: 90,
      now: () => new Date(Date.now() + 91 * DAY),
    });
    expect(await later.listProductionServices()).toEqual([]);
  });

  it('says the rate limit is used up, and until when, instead of listing fewer', async () => {
    // The first page passes; the second is refused.
    github.traffic.inject({
      kind: 'primary-rate-limit',
      after: 1,
      seconds: 60,
    });
    await expect(source().listProductionServices()).rejects.toThrow(
      /^GitHub organisation acme-pay could not be read: GitHub's rate limit is used up until \d{4}-\d\d-\d\dT/,
    );
  });

  it('says a secondary rate limit was hit, with its retry-after', async () => {
    github.traffic.inject({ kind: 'secondary-rate-limit', seconds: 30 });
    await expect(source().listProductionServices()).rejects.toThrow(
      "GitHub organisation acme-pay could not be read: GitHub's secondary rate limit was hit (retry after 30 s)",
    );
  });

  it('says the credentials were refused', async () => {
    await expect(
      source({ token: 'revoked' }).listProductionServices(),
    ).rejects.toThrow(
      /could not be read: GitHub refused the credentials \(Bad credentials.*\); check the integrations.github token/,
    );
  });

  it('says GitHub is unreachable', async () => {
    await expect(
      source({ apiBaseUrl: 'http://127.0.0.1:1' }).listProductionServices(),
    ).rejects.toThrow(
      /^GitHub organisation acme-pay could not be read: GitHub is unreachable/,
    );
  });

  it('says so when GitHub fails', async () => {
    github.traffic.inject({ kind: 'server-error', status: 502 });
    await expect(source().listProductionServices()).rejects.toThrow(
      /could not be read: GitHub answered 502/,
    );
  });
});
