import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { CoverageSource } from '@internal/plugin-coverage-node';
import { useRouterApp } from './__testUtils__/routerApp';
import { MemoryRepositoryHost } from './__testUtils__/hosts';
import { component, org } from './__testUtils__/entities';

jest.setTimeout(30_000);

/** PagerDuty that can be switched off, as when it is unreachable. */
const pagerduty = { down: false };
const sources = (): CoverageSource[] => [
  {
    id: 'github',
    title: 'GitHub organisation acme',
    listProductionServices: async () =>
      ['pay-a', 'pay-b', 'risk-a', 'new-risk', 'unknown'].map(n => ({
        name: n,
        repoSlug: `acme/${n}`,
      })),
  },
  {
    id: 'pagerduty',
    title: 'PagerDuty',
    listProductionServices: async () => {
      if (pagerduty.down) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      return [
        {
          name: 'Pay A',
          annotations: { 'pagerduty.com/service-id': 'P-pay-a' },
        },
        { name: 'Billing batch' },
      ];
    },
  },
];
let host: MemoryRepositoryHost;

describe('coverage router', () => {
  const { app, ctx, setNow } = useRouterApp({
    entities: () => [
      ...org(),
      component('pay-a'),
      component('pay-b', { links: [] }),
      component('risk-a', { owner: 'risk', system: 'fraud' }),
    ],
    sources,
    hosts: () => {
      host = new MemoryRepositoryHost({
        'acme/new-risk': { files: { '.github/CODEOWNERS': '* @acme/risk\n' } },
        'acme/unknown': { committers: ['ana-gh', 'cy-gh', 'bo-gh'] },
      });
      return [host];
    },
  });
  beforeEach(() => {
    pagerduty.down = false;
  });

  it('refuses unauthenticated calls on every route', async () => {
    const none = app({ credentials: mockCredentials.none() });
    for (const [method, path] of [
      ['get', '/report'],
      ['get', '/trend'],
      ['get', '/missing'],
      ['get', '/export?table=scopes'],
      ['get', '/teams/default/payments'],
      ['get', '/entities/component/default/pay-a/completeness'],
      ['post', '/snapshots'],
      ['post', '/missing/acme/new-risk/pull-request'],
    ] as const) {
      const res = await request(none)[method](path);
      expect([path, res.status]).toEqual([path, 401]);
    }
  });

  it('says clearly that there is no snapshot yet', async () => {
    const res = await request(app()).get('/report');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/No coverage snapshot yet/);
  });

  it('takes a snapshot once a day: the second take keeps the stored result', async () => {
    const first = await request(app()).post('/snapshots');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      day: '2026-11-26',
      takenAt: '2026-11-26T12:00:00.000Z',
      created: true,
    });
    setNow(new Date('2026-11-26T18:00:00Z'));
    const second = await request(app()).post('/snapshots');
    expect(second.body).toEqual({
      day: '2026-11-26',
      takenAt: '2026-11-26T12:00:00.000Z',
      created: false,
    });
  });

  it('serves the report: 3 of 6 services in the catalog, teams ranked by gap', async () => {
    await ctx.snapshots.take();
    const res = await request(app()).get('/report');
    expect(res.status).toBe(200);
    const { organisation, teams, sources: statuses, missingSources } = res.body;
    // github: 5 repositories; pagerduty: "Pay A" joins acme/pay-a by annotation,
    // "Billing batch" matches nothing and has no repository.
    expect(organisation.measures.coverage).toEqual({
      numerator: 3,
      denominator: 6,
      ratio: 0.5,
    });
    expect(organisation.measures.operability).toEqual({
      numerator: 2,
      denominator: 3,
      ratio: 2 / 3,
    });
    expect(statuses.map((s: any) => [s.id, s.ok, s.count])).toEqual([
      ['github', true, 5],
      ['pagerduty', true, 2],
    ]);
    expect(missingSources).toEqual([]);
    expect(teams[0].ref).toBe('group:default/acme');
    expect(
      teams.find((t: any) => t.ref === 'group:default/risk').measures.coverage,
    ).toEqual({
      numerator: 1,
      denominator: 2,
      ratio: 0.5,
    });
  });

  it('serves a newer snapshot as soon as it is stored (by this or another replica)', async () => {
    await ctx.snapshots.take();
    expect((await request(app()).get('/report')).body.day).toBe('2026-11-26');
    setNow(new Date('2026-11-27T12:00:00Z'));
    await ctx.snapshots.take();
    expect((await request(app()).get('/report')).body.day).toBe('2026-11-27');
    pagerduty.down = true;
    setNow(new Date('2026-11-27T13:00:00Z'));
    await ctx.snapshots.take(); // same day, new content: replaces it
    expect((await request(app()).get('/report')).body.missingSources).toEqual([
      'pagerduty',
    ]);
  });

  it('lists the missing repositories with their owner guess', async () => {
    await ctx.snapshots.take();
    const res = await request(app()).get('/missing');
    expect(res.body.items).toEqual([
      {
        repoSlug: 'acme/new-risk',
        name: 'new-risk',
        url: 'https://git.example/acme/new-risk',
        sources: ['github'],
        ownerGuess: {
          ref: 'group:default/risk',
          basis: 'codeowners',
          detail: 'CODEOWNERS names @acme/risk for *',
        },
      },
      {
        repoSlug: 'acme/unknown',
        name: 'unknown',
        url: 'https://git.example/acme/unknown',
        sources: ['github'],
        ownerGuess: {
          ref: 'group:default/payments',
          basis: 'top-committers',
          detail:
            '2 of the 3 most frequent recent committers (ana-gh, bo-gh) are in group:default/payments',
        },
      },
    ]);
  });

  it('opens a pull request with a generated catalog-info.yaml whose owner is marked as a guess', async () => {
    await ctx.snapshots.take();
    const res = await request(app()).post(
      '/missing/acme/new-risk/pull-request',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      repoSlug: 'acme/new-risk',
      host: 'memory',
      url: 'https://git.example/acme/new-risk/pull/1',
      branch: 'coverage-add-catalog-info',
    });
    expect(res.body.catalogInfoYaml).toContain(
      'OWNER IS A GUESS from codeowners',
    );
    expect(res.body.catalogInfoYaml).toContain(
      'coverage.acme-pay.example/owner-guess: codeowners',
    );
    expect(res.body.catalogInfoYaml).toContain('owner: risk');
    expect(host.pulls).toHaveLength(1);
    const again = await request(app()).post(
      '/missing/acme/new-risk/pull-request',
    );
    expect(again.body.url).toBe(res.body.url);
    expect(host.pulls).toHaveLength(1);
    const missing = await request(app()).get('/missing');
    expect(missing.body.items[0].pullRequestUrl).toBe(res.body.url);

    const inCatalog = await request(app()).post(
      '/missing/acme/pay-a/pull-request',
    );
    expect(inCatalog.status).toBe(404);
    expect(inCatalog.body.error.message).toMatch(
      /not a production repository missing/,
    );
  });

  it('a source that is down is named, and its last good list stands in (no drop)', async () => {
    await ctx.snapshots.take();
    setNow(new Date('2026-11-27T12:00:00Z'));
    pagerduty.down = true;
    await ctx.snapshots.take();
    const res = await request(app()).get('/report');
    expect(res.body.day).toBe('2026-11-27');
    expect(res.body.missingSources).toEqual(['pagerduty']);
    expect(res.body.sources[1]).toEqual({
      id: 'pagerduty',
      title: 'PagerDuty',
      ok: false,
      count: 0,
      error: 'connect ECONNREFUSED 127.0.0.1:9',
      lastGoodAt: '2026-11-26T12:00:00.000Z',
    });
    // Same figures as the day before: no drop.
    expect(res.body.organisation.measures.coverage).toEqual({
      numerator: 3,
      denominator: 6,
      ratio: 0.5,
    });
    const trend = await request(app()).get('/trend?days=7');
    expect(
      trend.body.points.map((p: any) => [
        p.day,
        p.ratios.coverage,
        p.missingSources,
      ]),
    ).toEqual([
      ['2026-11-26', 0.5, []],
      ['2026-11-27', 0.5, ['pagerduty']],
    ]);
  });

  it('gives the trend and the change since last week', async () => {
    await ctx.snapshots.take();
    setNow(new Date('2026-12-03T12:00:00Z'));
    pagerduty.down = true;
    // With no last good list for a source it adds nothing: here it has one.
    await ctx.snapshots.take();
    const res = await request(app()).get('/trend');
    expect(res.body.days).toBe(90);
    expect(res.body.changeSinceLastWeek.coverage).toBe(0);
    const team = await request(app()).get(
      `/trend?scope=${encodeURIComponent('group:default/payments')}`,
    );
    expect([
      team.status,
      team.body.points?.length,
      team.body.error?.message,
    ]).toEqual([200, 2, undefined]);
    const bad = await request(app()).get('/trend?days=0');
    expect(bad.status).toBe(400);
    const unknown = await request(app()).get(
      `/trend?scope=${encodeURIComponent('group:default/nobody')}`,
    );
    expect(unknown.status).toBe(404);
  });

  it('the organisation-wide routes need coverage.report.read; the team and entity views only sign-in', async () => {
    await ctx.snapshots.take();
    const denied = app({ deny: ['coverage.report.read'] });
    for (const path of [
      '/report',
      '/trend',
      '/missing',
      '/export?table=missing',
    ]) {
      const res = await request(denied).get(path);
      expect([path, res.status, res.body.error?.message]).toEqual([
        path,
        403,
        'You may not read the coverage report (coverage.report.read)',
      ]);
    }
    expect((await request(denied).get('/teams/default/payments')).status).toBe(
      200,
    );
    expect(
      (
        await request(denied).get(
          '/entities/component/default/pay-a/completeness',
        )
      ).status,
    ).toBe(200);
    const noSnapshot = app({ deny: ['coverage.snapshot.create'] });
    expect((await request(noSnapshot).post('/snapshots')).status).toBe(403);
  });

  it("a team's view holds its and its sub-teams' services and guessed missing repositories", async () => {
    await ctx.snapshots.take();
    const res = await request(app()).get('/teams/default/engineering');
    expect(res.body.team.ref).toBe('group:default/engineering');
    expect(res.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/pay-a',
      'component:default/pay-b',
      'component:default/risk-a',
    ]);
    expect(res.body.missing.map((m: any) => m.repoSlug)).toEqual([
      'acme/new-risk',
      'acme/unknown',
    ]);
    const risk = await request(app()).get('/teams/default/risk');
    expect(risk.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/risk-a',
    ]);
    expect((await request(app()).get('/teams/default/nobody')).status).toBe(
      404,
    );
  });

  it("an entity's card lists what it misses, each with a fix link", async () => {
    await ctx.snapshots.take();
    const res = await request(app()).get(
      '/entities/component/default/pay-b/completeness',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/pay-b',
      production: true,
      measures: {
        ownership: true,
        documentation: true,
        operability: false,
        hygiene: true,
      },
    });
    expect(res.body.checks.filter((c: any) => !c.ok)).toEqual([
      {
        id: 'runbook',
        measure: 'operability',
        ok: false,
        detail: 'no runbook link',
        fix: 'Add a link with type: runbook (metadata.links) pointing at the runbook.',
        fixUrl: 'http://portal/docs/coverage/#runbook',
      },
    ]);
    expect(
      (
        await request(app()).get(
          '/entities/component/default/nope/completeness',
        )
      ).status,
    ).toBe(404);
  });

  it('exports the scopes and the missing repositories as CSV', async () => {
    await ctx.snapshots.take();
    const scopes = await request(app()).get('/export?table=scopes');
    expect(scopes.status).toBe(200);
    expect(scopes.headers['content-type']).toMatch(/^text\/csv/);
    const lines = scopes.text.trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^day,scope,kind,title,parent,gap,coverage_numerator,coverage_denominator,coverage_ratio,/,
    );
    expect(lines[1]).toMatch(
      /^2026-11-26,organisation,organisation,Acme,,\d+,3,6,0.5000,/,
    );
    const missing = await request(app()).get('/export?table=missing');
    expect(missing.text.split('\r\n')[1]).toBe(
      '2026-11-26,acme/new-risk,new-risk,github,group:default/risk,codeowners,https://git.example/acme/new-risk,',
    );
    expect((await request(app()).get('/export?table=people')).status).toBe(400);
  });
});
