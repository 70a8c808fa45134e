import { PagerDutyStandin } from './server';

describe('PagerDutyStandin', () => {
  let pd: PagerDutyStandin;
  beforeAll(async () => {
    pd = await PagerDutyStandin.start();
    for (let i = 1; i <= 5; i++) {
      pd.world.addService(`service-${i}`, { teams: i % 2 ? ['PTEAM1'] : [] });
    }
  });
  afterAll(() => pd.stop());
  afterEach(() => pd.clearFaults());

  const get = (path: string, token: string | null = pd.token) =>
    fetch(`${pd.url}${path}`, {
      headers: {
        Accept: 'application/vnd.pagerduty+json;version=2',
        ...(token ? { Authorization: `Token token=${token}` } : {}),
      },
    });

  it('pages services with limit, offset and more', async () => {
    const first = await (await get('/services?limit=2&offset=0')).json();
    expect(first.services.map((s: any) => s.name)).toEqual([
      'service-1',
      'service-2',
    ]);
    expect(first).toMatchObject({
      limit: 2,
      offset: 0,
      more: true,
      total: null,
    });
    const last = await (
      await get('/services?limit=2&offset=4&total=true')
    ).json();
    expect(last.services.map((s: any) => s.name)).toEqual(['service-5']);
    expect(last).toMatchObject({ more: false, total: 5 });
    expect(last.services[0]).toMatchObject({
      id: 'P000005',
      type: 'service',
      status: 'active',
      html_url: 'https://acme.pagerduty.com/service-directory/P000005',
    });
  });

  it('filters by team_ids[]', async () => {
    const body = await (
      await get('/services?team_ids%5B%5D=PTEAM1&team_ids%5B%5D=PNONE')
    ).json();
    expect(body.services.map((s: any) => s.name)).toEqual([
      'service-1',
      'service-3',
      'service-5',
    ]);
  });

  it('refuses a missing or unknown token with 401 and PagerDuty error body', async () => {
    const none = await get('/services', null);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({
      error: { message: 'Authentication failed', code: 2006 },
    });
    expect((await get('/services', 'wrong')).status).toBe(401);
  });

  it('injects rate limits, server errors and a dropped connection', async () => {
    pd.inject({ kind: 'rate-limit', times: 1 });
    const limited = await get('/services');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-reset')).toBe('30');
    expect((await get('/services')).status).toBe(200);

    pd.inject({ kind: 'server-error', after: 1, times: 1 });
    expect((await get('/services')).status).toBe(200);
    expect((await get('/services')).status).toBe(503);

    pd.inject({ kind: 'down', times: 1 });
    await expect(get('/services')).rejects.toThrow('fetch failed');
    expect((await get('/services')).status).toBe(200);
  });
});
