import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { useRouterApp } from './__testUtils__/routerApp';

jest.setTimeout(60_000);

describe('router: deployments', () => {
  const t = useRouterApp();

  const deployment = {
    service: 'payments',
    environment: 'production',
    revision: '3f786850e387550fdab836ed7e6dc881de23001b',
    deployedAt: '2026-11-20T09:30:00Z',
    commitAuthors: ['team-a-0-gh', 'team-b.1@example.com', 'someone-else'],
  };

  it('takes a deployment from a CI token, once', async () => {
    const ci = t.app({ credentials: mockCredentials.service('external:ci') });
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
      (await t.db()('deployment_authors').select('user_ref'))
        .map(r => r.user_ref)
        .sort(),
    ).toEqual(['user:default/team-a-0', 'user:default/team-b-1']);
  });

  it('refuses a deployment of an unknown service and stores nothing', async () => {
    const res = await request(t.app({ credentials: mockCredentials.service() }))
      .post('/deployments')
      .send({ ...deployment, service: 'no-such-service' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Unknown service 'no-such-service': there is no component:default\/no-such-service in the catalog/,
    );
    expect(await t.db()('deployments')).toEqual([]);
  });

  it('refuses bad fields, naming them', async () => {
    const ci = t.app({ credentials: mockCredentials.service() });
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
    expect(await t.db()('deployments')).toEqual([]);
  });

  it('is for services, not users', async () => {
    expect(
      (await request(t.app()).post('/deployments').send(deployment)).status,
    ).toBe(403);
    expect(
      (
        await request(
          t.app({
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

describe('router: events', () => {
  const t = useRouterApp();

  it('stores what the dashboard counts, and refuses oversized batches', async () => {
    const res = await request(t.app())
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
      (await t.db()('usage_events').select('category'))
        .map(r => r.category)
        .sort(),
    ).toEqual(['docs', 'page', 'search-empty']);
    const big = await request(t.app())
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
