import { PagerDutyStandin } from '@internal/standins';
import { PagerDutyCoverageSource } from './PagerDutyCoverageSource';

describe('PagerDutyCoverageSource against the PagerDuty stand-in', () => {
  let pd: PagerDutyStandin;
  beforeAll(async () => {
    pd = await PagerDutyStandin.start();
    pd.world.addService('Payments API', {
      id: 'PPAYMNT',
      description: 'Card payments. Code: https://github.com/acme-pay/payments.',
      teams: ['PTEAMPY'],
    });
    pd.world.addService('Ledger', {
      id: 'PLEDGER',
      // Two repositories: which one is the service's would be a guess.
      description:
        'https://github.com/acme-pay/ledger and https://github.com/acme-pay/ledger-jobs',
    });
    pd.world.addService('Old billing', { id: 'POLDBIL', status: 'disabled' });
    for (let i = 1; i <= 230; i++) {
      pd.world.addService(`svc-${i}`, { status: i % 7 ? 'active' : 'warning' });
    }
  });
  afterAll(() => pd.stop());
  afterEach(() => pd.clearFaults());

  const source = (
    options: { token?: string; apiBaseUrl?: string; teamIds?: string[] } = {},
  ) =>
    new PagerDutyCoverageSource({
      apiBaseUrl: pd.url,
      token: pd.token,
      githubHosts: ['github.com'],
      ...options,
    });

  it('lists services across offset pages, without disabled ones', async () => {
    const before = pd.requests.length;
    const services = await source().listProductionServices();
    expect(services).toHaveLength(232);
    expect(services.map(s => s.name)).not.toContain('Old billing');
    expect(services.slice(0, 2)).toEqual([
      {
        name: 'Payments API',
        repoSlug: 'acme-pay/payments',
        annotations: { 'pagerduty.com/service-id': 'PPAYMNT' },
        url: 'https://acme.pagerduty.com/service-directory/PPAYMNT',
      },
      {
        name: 'Ledger',
        annotations: { 'pagerduty.com/service-id': 'PLEDGER' },
        url: 'https://acme.pagerduty.com/service-directory/PLEDGER',
      },
    ]);
    expect(pd.requests.slice(before)).toEqual([
      '/services?limit=100&offset=0',
      '/services?limit=100&offset=100',
      '/services?limit=100&offset=200',
    ]);
  });

  it('keeps only the configured teams', async () => {
    const services = await source({
      teamIds: ['PTEAMPY'],
    }).listProductionServices();
    expect(services.map(s => s.name)).toEqual(['Payments API']);
  });

  it('says PagerDuty refused the token', async () => {
    await expect(
      source({ token: 'revoked' }).listProductionServices(),
    ).rejects.toThrow(
      `PagerDuty ${
        new URL(pd.url).host
      } could not be read: PagerDuty refused the token (401 Authentication failed); check coverage.pagerduty.token`,
    );
  });

  it('says the rate limit was hit, failing the whole list when a later page is refused', async () => {
    pd.inject({ kind: 'rate-limit', after: 1 });
    await expect(source().listProductionServices()).rejects.toThrow(
      /could not be read: PagerDuty's rate limit was hit \(resets in 30 s\)$/,
    );
  });

  it('says PagerDuty failed', async () => {
    pd.inject({ kind: 'server-error', status: 503 });
    await expect(source().listProductionServices()).rejects.toThrow(
      /could not be read: PagerDuty answered 503 \(Service Unavailable\)$/,
    );
  });

  it('says PagerDuty is unreachable when the connection drops', async () => {
    pd.inject({ kind: 'down' });
    await expect(source().listProductionServices()).rejects.toThrow(
      /could not be read: PagerDuty is unreachable \(fetch failed: /,
    );
  });
});
