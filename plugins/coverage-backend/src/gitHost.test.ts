import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real local git host runs beside the plugin, as in the portal's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import githostPlugin from '@internal/plugin-githost-backend';
import { createTestDatabases, perPluginDatabases } from '@internal/test-utils';
import { component, group, user } from './__testUtils__/entities';
import { coveragePlugin } from './plugin';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/**
 * The embedded default's path end to end, with the real local git host: the
 * demo's missing repositories are seeded there, their CODEOWNERS give the
 * owner guess, and "add to catalog" opens a change request adding the file.
 */
describe('coverage with the local git host', () => {
  it('seeds the missing repositories, guesses owners from CODEOWNERS and opens a change request', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coverage-githost-'));
    const inventory = path.join(dir, 'production.yaml');
    await fs.writeFile(
      inventory,
      [
        'services:',
        '  - { name: ledger-service, repoSlug: acme-pay/ledger-service }',
        '  - { name: refund-service, repoSlug: acme-pay/refund-service }',
        '  - { name: search-indexer, repoSlug: acme-pay/search-indexer }',
      ].join('\n'),
    );
    const backend = await startTestBackend({
      features: [
        githostPlugin,
        coveragePlugin,
        catalogServiceMock.factory({
          entities: [
            group('team-payments', ['tomasz-kowalski']),
            user('tomasz-kowalski', ['team-payments']),
            component('ledger-service', {
              owner: 'team-payments',
              annotations: {
                'github.com/project-slug': 'acme-pay/ledger-service',
              },
            }),
          ],
        }),
        perPluginDatabases(databases, 'POSTGRES_15'),
        mockServices.rootConfig.factory({
          data: {
            githost: { directory: path.join(dir, 'git') },
            coverage: {
              inventory: { file: inventory },
              gitHost: { owners: ['acme-pay'] },
              demoRepositories: true,
            },
          },
        }),
      ],
    });
    const api = () => request(backend.server);
    const token = 'Bearer mock-user-token';
    try {
      const snapshot = await api()
        .post('/api/coverage/snapshots')
        .set('Authorization', token);
      expect(snapshot.status).toBe(200);
      const repos = await api()
        .get('/api/githost/repos')
        .set('Authorization', token);
      expect(repos.body.map((r: any) => r.slug).sort()).toEqual([
        'acme-pay/chargeback-service',
        'acme-pay/merchant-webhooks',
        'acme-pay/refund-service',
        'acme-pay/search-indexer',
      ]);

      const missing = await api()
        .get('/api/coverage/missing')
        .set('Authorization', token);
      expect(
        missing.body.items.map((m: any) => [
          m.repoSlug,
          m.ownerGuess?.ref ?? null,
        ]),
      ).toEqual([
        ['acme-pay/refund-service', 'group:default/team-payments'],
        ['acme-pay/search-indexer', null],
      ]);

      const pr = await api()
        .post('/api/coverage/missing/acme-pay/refund-service/pull-request')
        .set('Authorization', token);
      expect(pr.status).toBe(201);
      expect(pr.body).toMatchObject({
        host: 'githost',
        branch: 'coverage-add-catalog-info',
      });
      const id = pr.body.url.split('/').at(-1);
      const change = await api()
        .get(`/api/githost/repos/acme-pay/refund-service/change-requests/${id}`)
        .set('Authorization', token);
      expect(change.body).toMatchObject({
        status: 'open',
        sourceBranch: 'coverage-add-catalog-info',
        targetBranch: 'main',
        changedFiles: ['catalog-info.yaml'],
      });
      const file = await api()
        .get(
          '/api/githost/repos/acme-pay/refund-service/blob/coverage-add-catalog-info/catalog-info.yaml',
        )
        .set('Authorization', token);
      expect(file.body.toString()).toBe(pr.body.catalogInfoYaml);
      expect(pr.body.catalogInfoYaml).toContain('owner: team-payments');

      // Asking again returns the open change request instead of a second one.
      const again = await api()
        .post('/api/coverage/missing/acme-pay/refund-service/pull-request')
        .set('Authorization', token);
      expect(again.body.url).toBe(pr.body.url);
      const open = await api()
        .get(
          '/api/githost/repos/acme-pay/refund-service/change-requests?status=open',
        )
        .set('Authorization', token);
      expect(open.body).toHaveLength(1);

      // Without CODEOWNERS the file says the owner is unknown.
      const unknown = await api()
        .post('/api/coverage/missing/acme-pay/search-indexer/pull-request')
        .set('Authorization', token);
      expect(unknown.body.catalogInfoYaml).toContain('owner: unknown');
      expect(unknown.body.catalogInfoYaml).toContain(
        'coverage.acme-pay.example/owner-guess: none',
      );
    } finally {
      await backend.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
