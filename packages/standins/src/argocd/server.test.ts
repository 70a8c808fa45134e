import { ArgoCdStandin } from './server';

describe('ArgoCdStandin', () => {
  let argo: ArgoCdStandin;
  beforeAll(async () => {
    argo = await ArgoCdStandin.start();
    argo.world.addApp('payments', {
      repoURL: 'https://github.com/acme/payments.git',
      revisionHistoryLimit: 3,
    });
    for (let i = 0; i < 4; i++) {
      argo.world.sync(
        'payments',
        `${i}`.repeat(40),
        new Date(Date.UTC(2026, 10, 20 + i, 10)),
      );
    }
  });
  afterAll(() => argo.stop());

  const get = (path: string, token: string | null = argo.token) =>
    fetch(`${argo.url}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });

  it('serves an application with its sync history, keeping the last revisionHistoryLimit entries', async () => {
    const res = await get('/api/v1/applications/payments');
    expect(res.status).toBe(200);
    const app = await res.json();
    expect(app.status.history.map((h: any) => h.id)).toEqual([1, 2, 3]);
    expect(app.status.history[2]).toMatchObject({
      revision: '3'.repeat(40),
      deployedAt: '2026-11-23T10:00:00Z',
      deployStartedAt: '2026-11-23T09:59:00Z',
      source: { repoURL: 'https://github.com/acme/payments.git' },
    });
    expect(app.status.sync).toEqual({
      status: 'Synced',
      revision: '3'.repeat(40),
    });
  });

  it('lists applications, and filters by name', async () => {
    const all = await (await get('/api/v1/applications')).json();
    expect(all.items.map((a: any) => a.metadata.name)).toEqual(['payments']);
    const none = await (await get('/api/v1/applications?name=other')).json();
    expect(none.items).toEqual([]);
  });

  it('answers like Argo CD without a token, with a bad one, and for an unknown app', async () => {
    const anonymous = await get('/api/v1/applications', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: 'no session information',
      code: 16,
      message: 'no session information',
    });
    expect((await get('/api/v1/applications', 'wrong')).status).toBe(401);
    const missing = await get('/api/v1/applications/nope');
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe(5);
  });
});
