import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { useRouterApp } from './__testUtils__/routerApp';

jest.setTimeout(60_000);

describe('router: survey', () => {
  const t = useRouterApp();

  it('asks a signed-in user once per quarter, and not after they answer', async () => {
    const before = await request(t.app()).get('/survey/status');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      quarter: '2026-Q4',
      prompt: true,
      dismissed: false,
    });
    expect(before.body.question).toBe(
      'How likely are you to recommend the portal to a colleague?',
    );

    const answered = await request(t.app())
      .put('/survey/answer')
      .send({ score: 9, comment: 'Docs next to code' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      prompt: false,
      answer: { score: 9, comment: 'Docs next to code' },
    });

    // Answering again replaces the answer.
    const again = await request(t.app())
      .put('/survey/answer')
      .send({ score: 4 });
    expect(again.body.answer).toMatchObject({ score: 4 });
    expect(await t.db()('survey_answers').count({ n: '*' })).toEqual([
      { n: 1 },
    ]);
    // The answer records the team the person was in.
    expect(
      JSON.parse((await t.db()('survey_answers').first()).group_refs),
    ).toEqual(['group:default/team-a']);
  });

  it('refuses a score of 11 and stores nothing', async () => {
    const res = await request(t.app())
      .put('/survey/answer')
      .send({ score: 11 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/score must be <= 10/);
    expect(await t.db()('survey_answers')).toEqual([]);
  });

  it('refuses a megabyte comment, saying how long it may be, and stores nothing', async () => {
    const res = await request(t.app())
      .put('/survey/answer')
      .send({ score: 8, comment: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'comment is 1048576 characters long; shorten it to at most 2000',
    );
    expect(await t.db()('survey_answers')).toEqual([]);
  });

  it('refuses a non-integer score and unknown fields', async () => {
    expect(
      (await request(t.app()).put('/survey/answer').send({ score: 7.5 }))
        .status,
    ).toBe(400);
    expect(
      (
        await request(t.app())
          .put('/survey/answer')
          .send({ score: 7, name: 'me' })
      ).status,
    ).toBe(400);
    expect(await t.db()('survey_answers')).toEqual([]);
  });

  it('"later" postpones the prompt by three days; "dismiss" closes it for the quarter', async () => {
    const later = await request(t.app())
      .post('/survey/prompt')
      .send({ action: 'later' });
    expect(later.body).toMatchObject({
      prompt: false,
      postponedUntil: '2026-11-29T12:00:00.000Z',
    });
    const dismissed = await request(t.app())
      .post('/survey/prompt')
      .send({ action: 'dismiss' });
    expect(dismissed.body).toMatchObject({ prompt: false, dismissed: true });
    expect(
      (await request(t.app()).post('/survey/prompt').send({ action: 'never' }))
        .status,
    ).toBe(400);
  });

  it('needs a signed-in user', async () => {
    expect(
      (
        await request(t.app({ credentials: mockCredentials.none() })).get(
          '/survey/status',
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await request(t.app({ credentials: mockCredentials.service() }))
          .put('/survey/answer')
          .send({ score: 5 })
      ).status,
    ).toBe(403);
  });
});
