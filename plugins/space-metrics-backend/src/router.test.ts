import express from 'express';
import request from 'supertest';
import { Knex } from 'knex';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { createServices } from './__testUtils__/services';
import { migrateUp } from './database/migrate';
import { createRouter } from './router';

jest.setTimeout(60_000);
const databases = createTestDatabases();
const NOW = new Date('2026-11-26T12:00:00Z');

describe('router', () => {
  let db: Knex;
  let services: ReturnType<typeof createServices>;

  function app(
    options: {
      credentials?:
        | ReturnType<typeof mockCredentials.user>
        | ReturnType<typeof mockCredentials.service>
        | ReturnType<typeof mockCredentials.none>;
      deny?: string[];
    } = {},
  ) {
    const router = createRouter({
      ...services,
      httpAuth: mockServices.httpAuth({
        defaultCredentials:
          options.credentials ?? mockCredentials.user('user:default/team-a-0'),
      }),
      permissions: {
        ...mockServices.permissions(),
        authorize: async (requests: { permission: { name: string } }[]) =>
          requests.map(r => ({
            result: options.deny?.includes(r.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          })),
      } as any,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.rootLogger(),
    });
    return express().use(router).use(middleware.error());
  }

  beforeAll(async () => {
    db = await databases.init('SQLITE_3');
    await migrateUp(db);
  });
  beforeEach(async () => {
    for (const t of [
      'survey_answers',
      'survey_prompts',
      'deployment_authors',
      'deployments',
      'usage_events',
    ])
      await db(t).delete();
    services = createServices(db, { now: () => NOW });
  });

  describe('survey', () => {
    it('asks a signed-in user once per quarter, and not after they answer', async () => {
      const before = await request(app()).get('/survey/status');
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        quarter: '2026-Q4',
        prompt: true,
        dismissed: false,
      });
      expect(before.body.question).toBe(
        'How likely are you to recommend the portal to a colleague?',
      );

      const answered = await request(app())
        .put('/survey/answer')
        .send({ score: 9, comment: 'Docs next to code' });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({
        prompt: false,
        answer: { score: 9, comment: 'Docs next to code' },
      });

      // Answering again replaces the answer.
      const again = await request(app())
        .put('/survey/answer')
        .send({ score: 4 });
      expect(again.body.answer).toMatchObject({ score: 4 });
      expect(await db('survey_answers').count({ n: '*' })).toEqual([{ n: 1 }]);
      // The answer records the team the person was in.
      expect(
        JSON.parse((await db('survey_answers').first()).group_refs),
      ).toEqual(['group:default/team-a']);
    });

    it('refuses a score of 11 and stores nothing', async () => {
      const res = await request(app())
        .put('/survey/answer')
        .send({ score: 11 });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/score must be <= 10/);
      expect(await db('survey_answers')).toEqual([]);
    });

    it('refuses a megabyte comment, saying how long it may be, and stores nothing', async () => {
      const res = await request(app())
        .put('/survey/answer')
        .send({ score: 8, comment: 'x'.repeat(1024 * 1024) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'comment is 1048576 characters long; shorten it to at most 2000',
      );
      expect(await db('survey_answers')).toEqual([]);
    });

    it('refuses a non-integer score and unknown fields', async () => {
      expect(
        (await request(app()).put('/survey/answer').send({ score: 7.5 }))
          .status,
      ).toBe(400);
      expect(
        (
          await request(app())
            .put('/survey/answer')
            .send({ score: 7, name: 'me' })
        ).status,
      ).toBe(400);
      expect(await db('survey_answers')).toEqual([]);
    });

    it('"later" postpones the prompt by three days; "dismiss" closes it for the quarter', async () => {
      const later = await request(app())
        .post('/survey/prompt')
        .send({ action: 'later' });
      expect(later.body).toMatchObject({
        prompt: false,
        postponedUntil: '2026-11-29T12:00:00.000Z',
      });
      const dismissed = await request(app())
        .post('/survey/prompt')
        .send({ action: 'dismiss' });
      expect(dismissed.body).toMatchObject({ prompt: false, dismissed: true });
      expect(
        (await request(app()).post('/survey/prompt').send({ action: 'never' }))
          .status,
      ).toBe(400);
    });

    it('needs a signed-in user', async () => {
      expect(
        (
          await request(app({ credentials: mockCredentials.none() })).get(
            '/survey/status',
          )
        ).status,
      ).toBe(401);
      expect(
        (
          await request(app({ credentials: mockCredentials.service() }))
            .put('/survey/answer')
            .send({ score: 5 })
        ).status,
      ).toBe(403);
    });
  });

  describe('dashboard', () => {
    const q = '/nps?from=2026-10-01&to=2026-12-31';
    beforeEach(async () => {
      // team-a 6, team-b 7, team-c 3 answers, the director 1.
      const org = await services.org.get();
      await services.stores.survey.putAnswers(
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
      const res = await request(app({ deny: ['space.dashboard.read'] })).get(q);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may not read the adoption dashboard (space.dashboard.read)',
      );
    });

    it('shows NPS per team, withholding small teams and figures that subtraction would reveal', async () => {
      const res = await request(app()).get(q);
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
      const team = await request(app()).get(
        `${q}&group=${encodeURIComponent('group:default/team-b')}`,
      );
      expect(team.body.trend[0]).toMatchObject({
        groupRef: 'group:default/team-b',
        respondents: 7,
      });
      const unknown = await request(app()).get(
        `${q}&group=${encodeURIComponent('group:default/nope')}`,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        "group 'group:default/nope' is not a Group in the catalog",
      );
      const reversed = await request(app()).get(
        '/nps?from=2026-12-31&to=2026-10-01',
      );
      expect(reversed.body.error.message).toBe(
        'to (2026-10-01) is before from (2026-12-31)',
      );
      expect(
        (await request(app()).get('/nps?from=2026-13-45&to=2026-12-01')).status,
      ).toBe(400);
    });

    it('gives comments only with space.survey.comments.read, without authors, only above the threshold', async () => {
      const denied = await request(
        app({ deny: ['space.survey.comments.read'] }),
      ).get('/nps/comments?quarter=2026-Q4');
      expect(denied.status).toBe(403);
      const all = await request(app()).get('/nps/comments?quarter=2026-Q4');
      expect(all.body).toEqual({
        quarter: '2026-Q4',
        groupRef: null,
        shown: true,
        comments: [
          'comment of team-a',
          'comment of team-b',
          'comment of team-c',
        ],
      });
      const small = await request(app()).get(
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
        const res = await request(app()).get(
          `${path}?from=2025-10-01&to=2026-12-31`,
        );
        expect(res.status).toBe(200);
        expect(res.body.demo).toBe(false);
      }
      const groups = await request(app()).get('/groups');
      expect(groups.body.groups.map((g: any) => g.ref)).toContain(
        'group:default/team-a',
      );
    });
  });

  describe('deployments', () => {
    const deployment = {
      service: 'payments',
      environment: 'production',
      revision: '3f786850e387550fdab836ed7e6dc881de23001b',
      deployedAt: '2026-11-20T09:30:00Z',
      commitAuthors: ['team-a-0-gh', 'team-b.1@example.com', 'someone-else'],
    };

    it('takes a deployment from a CI token, once', async () => {
      const ci = app({ credentials: mockCredentials.service('external:ci') });
      const first = await request(ci).post('/deployments').send(deployment);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        created: true,
        unknownAuthors: ['someone-else'],
      });
      const second = await request(ci).post('/deployments').send(deployment);
      expect(second.body).toEqual({
        id: first.body.id,
        created: false,
        unknownAuthors: ['someone-else'],
      });
      expect(
        (await db('deployment_authors').select('user_ref'))
          .map(r => r.user_ref)
          .sort(),
      ).toEqual(['user:default/team-a-0', 'user:default/team-b-1']);
    });

    it('refuses a deployment of an unknown service and stores nothing', async () => {
      const res = await request(app({ credentials: mockCredentials.service() }))
        .post('/deployments')
        .send({ ...deployment, service: 'no-such-service' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Unknown service 'no-such-service': there is no component:default\/no-such-service in the catalog/,
      );
      expect(await db('deployments')).toEqual([]);
    });

    it('refuses bad fields, naming them', async () => {
      const ci = app({ credentials: mockCredentials.service() });
      const badSha = await request(ci)
        .post('/deployments')
        .send({ ...deployment, revision: 'main' });
      expect(badSha.status).toBe(400);
      expect(badSha.body.error.message).toMatch(/revision/);
      const badTime = await request(ci)
        .post('/deployments')
        .send({ ...deployment, deployedAt: 'yesterday' });
      expect(badTime.status).toBe(400);
      expect(badTime.body.error.message).toMatch(/deployedAt/);
      const future = await request(ci)
        .post('/deployments')
        .send({ ...deployment, deployedAt: '2027-01-01T00:00:00Z' });
      expect(future.body.error.message).toBe(
        'deployedAt 2027-01-01T00:00:00Z is in the future',
      );
      expect(await db('deployments')).toEqual([]);
    });

    it('is for services, not users', async () => {
      expect(
        (await request(app()).post('/deployments').send(deployment)).status,
      ).toBe(403);
      expect(
        (
          await request(
            app({
              credentials: mockCredentials.service(),
              deny: ['space.deployment.create'],
            }),
          )
            .post('/deployments')
            .send(deployment)
        ).status,
      ).toBe(403);
    });
  });

  describe('events', () => {
    it('stores what the dashboard counts, and refuses oversized batches', async () => {
      const res = await request(app())
        .post('/events')
        .send({
          events: [
            {
              action: 'navigate',
              subject: '/docs/default/component/payments/runbook',
            },
            { action: 'search', subject: 'kafka', value: 0 },
            { action: 'click', subject: 'something' },
          ],
        });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: 3 });
      expect(
        (await db('usage_events').select('category'))
          .map(r => r.category)
          .sort(),
      ).toEqual(['docs', 'page', 'search-empty']);
      const big = await request(app())
        .post('/events')
        .send({
          events: Array(201).fill({ action: 'navigate', subject: '/' }),
        });
      expect(big.status).toBe(400);
      expect(big.body.error.message).toBe(
        'at most 200 events per request, got 201; send smaller batches',
      );
    });
  });
});
