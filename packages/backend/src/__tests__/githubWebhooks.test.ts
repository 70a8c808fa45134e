import request from 'supertest';
import {
  discoverAll,
  startAcmePayOnGithub,
} from '../__testUtils__/acmePayOnGithub';
import { WEBHOOK_SECRET, waitUntil } from '../__testUtils__/githubCatalog';

const component = (
  name: string,
  description: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: ${description}
spec:
  type: service
  lifecycle: production
  owner: team-risk
`;

describe('push webhooks from GitHub', () => {
  it('refuses a delivery with a bad signature and refreshes the repository on a good one', async () => {
    // The catalog would re-read every file only after an hour: a change that
    // shows up sooner came through the webhook.
    const { standin, catalog, stop } = await startAcmePayOnGithub({
      processingIntervalSeconds: 3600,
    });
    try {
      await discoverAll(catalog);
      const hook = `${new URL(
        '/api/events/http/github',
        `http://127.0.0.1:${(catalog.server.address() as any).port}`,
      )}`;
      const description = async () =>
        (await catalog.entity('component:svc-02')).metadata.description;
      expect(await description()).toBe('The svc-02 service.');

      const { payload } = standin.push(
        'acme-pay',
        'svc-02',
        { 'catalog-info.yaml': component('svc-02', 'Pushed a minute ago.') },
        { author: 'daniel-okafor', message: 'Describe svc-02' },
      );

      // Signed with another secret: refused, and nothing is refreshed.
      const forged = await standin.deliver(
        hook,
        'push',
        payload,
        'not-the-secret',
      );
      expect(forged.status).toBe(403);
      expect(JSON.parse(forged.body)).toEqual({ message: 'invalid signature' });
      // Unsigned: refused too.
      const unsigned = await request(catalog.server)
        .post('/api/events/http/github')
        .set('x-github-event', 'push')
        .send(payload);
      expect(unsigned.status).toBe(403);

      // Signed with the shared secret: accepted, and the file is read again at
      // once.
      const genuine = await standin.deliver(
        hook,
        'push',
        payload,
        WEBHOOK_SECRET,
      );
      expect(genuine.status).toBe(202);
      await waitUntil('the pushed change', async () =>
        (await description()) === 'Pushed a minute ago.' ? true : undefined,
      );

      // A push that adds a catalog file to a new repository registers it.
      standin.world.addRepo('acme-pay', { name: 'pushed-repo', files: {} });
      const added = standin.push('acme-pay', 'pushed-repo', {
        'catalog-info.yaml': component('pushed-service', 'Created by a push.'),
      });
      expect(
        (await standin.deliver(hook, 'push', added.payload, WEBHOOK_SECRET))
          .status,
      ).toBe(202);
      await waitUntil('the repository added by a push', () =>
        catalog.entity('component:pushed-service'),
      );
    } finally {
      await stop();
    }
  }, 120_000);
});
