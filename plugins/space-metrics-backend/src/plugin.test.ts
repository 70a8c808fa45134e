import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { spaceMetricsPlugin } from './plugin';

describe('spaceMetricsPlugin', () => {
  it('starts, registers its permissions and answers a signed-in user', async () => {
    const backend = await startTestBackend({
      features: [
        spaceMetricsPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'team-a' },
              spec: { type: 'team', children: [] },
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: {
                name: 'mock',
                annotations: { 'acme-pay.example/start-date': '2026-11-02' },
              },
              spec: { memberOf: ['team-a'] },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: { spaceMetrics: { anonymityThreshold: 3 } },
        }),
      ],
    });
    const server = backend.server;
    try {
      const status = await request(server)
        .get('/api/space-metrics/survey/status')
        .set('Authorization', 'Bearer mock-user-token');
      expect(status.status).toBe(200);
      expect(status.body.prompt).toBe(true);
      const answer = await request(server)
        .put('/api/space-metrics/survey/answer')
        .set('Authorization', 'Bearer mock-user-token')
        .send({ score: 10 });
      expect(answer.body.prompt).toBe(false);
      const groups = await request(server)
        .get('/api/space-metrics/groups')
        .set('Authorization', 'Bearer mock-user-token');
      expect(groups.body).toEqual({
        groups: [
          { ref: 'group:default/team-a', title: 'team-a', type: 'team' },
        ],
      });
      const anonymous = await request(server)
        .get('/api/space-metrics/survey/status')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      // The OpenAPI document is served beside the routes.
      const spec = await request(server)
        .get('/api/space-metrics/openapi.json')
        .set('Authorization', 'Bearer mock-user-token');
      expect(spec.body.info.title).toBe('space-metrics');
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with an anonymity threshold below 3', async () => {
    await expect(
      startTestBackend({
        features: [
          spaceMetricsPlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { spaceMetrics: { anonymityThreshold: 2 } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /spaceMetrics.anonymityThreshold must be a whole number of at least 3/,
    );
  });
});
