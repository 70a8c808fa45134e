import request from 'supertest';
import { NOW, useRouterApp } from './__testUtils__/routerApp';

jest.setTimeout(60_000);

describe('router: dashboard', () => {
  const t = useRouterApp();

  const q = '/nps?from=2026-10-01&to=2026-12-31';
  beforeEach(async () => {
    // team-a 6, team-b 7, team-c 3 answers, the director 1.
    const org = await t.services().org.get();
    await t.services().stores.survey.putAnswers(
      [...org.users.values()].map((u, i) => ({
        quarter: '2026-Q4',
        userRef: u.ref,
        groupRefs: u.groups,
        score: [10, 8, 3][i % 3],
        comment: u.ref.endsWith('-0')
          ? `comment of ${u.groups[0].slice(14)}`
          : undefined,
        answeredAt: NOW,
        source: 'live',
      })),
    );
  });

  it('needs space.dashboard.read', async () => {
    const res = await request(t.app({ deny: ['space.dashboard.read'] })).get(q);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not read the adoption dashboard (space.dashboard.read)',
    );
  });

  it('shows NPS per team, withholding small teams and figures that subtraction would reveal', async () => {
    const res = await request(t.app()).get(q);
    expect(res.status).toBe(200);
    expect(res.body.trend).toEqual([
      expect.objectContaining({
        quarter: '2026-Q4',
        groupRef: null,
        shown: true,
        respondents: 17,
      }),
    ]);
    const byRef = Object.fromEntries(
      res.body.groups.map((g: any) => [g.groupRef, g]),
    );
    expect(byRef['group:default/team-c']).toEqual({
      quarter: '2026-Q4',
      groupRef: 'group:default/team-c',
      shown: false,
      reason: 'not-enough-responses',
    });
    // eng (17) - team-b (7) would reveal team-c and the director (4): team-a goes too.
    expect(byRef['group:default/team-a']).toEqual({
      quarter: '2026-Q4',
      groupRef: 'group:default/team-a',
      shown: false,
      reason: 'could-be-derived',
    });
    expect(byRef['group:default/team-b']).toMatchObject({
      shown: true,
      respondents: 7,
    });
    expect(byRef['group:default/eng']).toMatchObject({
      shown: true,
      respondents: 17,
    });
  });

  it('narrows to a team and refuses an unknown group or a bad period', async () => {
    const team = await request(t.app()).get(
      `${q}&group=${encodeURIComponent('group:default/team-b')}`,
    );
    expect(team.body.trend[0]).toMatchObject({
      groupRef: 'group:default/team-b',
      respondents: 7,
    });
    const unknown = await request(t.app()).get(
      `${q}&group=${encodeURIComponent('group:default/nope')}`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      "group 'group:default/nope' is not a Group in the catalog",
    );
    const reversed = await request(t.app()).get(
      '/nps?from=2026-12-31&to=2026-10-01',
    );
    expect(reversed.body.error.message).toBe(
      'to (2026-10-01) is before from (2026-12-31)',
    );
    expect(
      (await request(t.app()).get('/nps?from=2026-13-45&to=2026-12-01')).status,
    ).toBe(400);
  });

  it('gives comments only with space.survey.comments.read, without authors, only above the threshold', async () => {
    const denied = await request(
      t.app({ deny: ['space.survey.comments.read'] }),
    ).get('/nps/comments?quarter=2026-Q4');
    expect(denied.status).toBe(403);
    const all = await request(t.app()).get('/nps/comments?quarter=2026-Q4');
    expect(all.body).toEqual({
      quarter: '2026-Q4',
      groupRef: null,
      shown: true,
      comments: ['comment of team-a', 'comment of team-b', 'comment of team-c'],
    });
    const small = await request(t.app()).get(
      `/nps/comments?quarter=2026-Q4&group=${encodeURIComponent(
        'group:default/team-c',
      )}`,
    );
    expect(small.body).toEqual({
      quarter: '2026-Q4',
      groupRef: 'group:default/team-c',
      shown: false,
      reason: 'not-enough-responses',
      comments: [],
    });
    expect(JSON.stringify(all.body)).not.toMatch(/user:/);
  });

  it('answers the other measures and the groups', async () => {
    for (const path of ['/ttfd', '/adoption', '/usage']) {
      const res = await request(t.app()).get(
        `${path}?from=2025-10-01&to=2026-12-31`,
      );
      expect(res.status).toBe(200);
      expect(res.body.demo).toBe(false);
    }
    const groups = await request(t.app()).get('/groups');
    expect(groups.body.groups.map((g: any) => g.ref)).toContain(
      'group:default/team-a',
    );
  });
});
