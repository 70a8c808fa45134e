import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DocsPrebuilder, lastSyncEvent } from './DocsPrebuilder';

const entity = (name: string, docs: boolean): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: docs
      ? { 'backstage.io/techdocs-ref': 'dir:.' }
      : ({} as Record<string, string>),
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

describe('lastSyncEvent', () => {
  it('reads the final event of a TechDocs sync stream', () => {
    const stream =
      'event: log\ndata: "Building"\n\nevent: finish\ndata: {"updated":true}\n\n';
    expect(lastSyncEvent(stream)).toEqual({
      type: 'finish',
      data: { updated: true },
    });
    expect(lastSyncEvent('event: error\ndata: "boom"\n\n')).toEqual({
      type: 'error',
      data: 'boom',
    });
    expect(lastSyncEvent('')).toBeUndefined();
  });
});

describe('DocsPrebuilder', () => {
  // A stand-in for the TechDocs backend's sync endpoint, on loopback.
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.url} ${req.headers.authorization ? 'auth' : 'none'}`);
    if (req.url?.includes('/metadata/techdocs/')) {
      // Only "fresh" has published docs.
      res.writeHead(req.url.endsWith('/fresh') ? 200 : 404);
      res.end(req.url.endsWith('/fresh') ? '{"site_name":"fresh"}' : '');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    if (req.url?.endsWith('/built')) {
      res.end(
        'event: log\ndata: "mkdocs build"\n\nevent: finish\ndata: {"updated":true}\n\n',
      );
    } else if (req.url?.endsWith('/fresh')) {
      res.end('event: finish\ndata: {"updated":false}\n\n');
    } else {
      res.end('event: error\ndata: "mkdocs.yml was refused"\n\n');
    }
  });
  let base: string;
  beforeAll(async () => {
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/techdocs`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  const prebuilderFor = (entities: Entity[]) =>
    new DocsPrebuilder({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      discovery: {
        getBaseUrl: async () => base,
        getExternalBaseUrl: async () => base,
      },
      logger: mockServices.logger.mock(),
    });

  it('in a pass over new docs, builds only what was never published', async () => {
    requests.length = 0;
    const result = await prebuilderFor([
      entity('built', true),
      entity('fresh', true),
    ]).run({ onlyNew: true });
    expect(result).toEqual({
      built: ['component:default/built'],
      upToDate: [],
      failed: [],
      skipped: ['component:default/fresh'],
    });
    expect(requests.filter(r => r.includes('/sync/'))).toEqual([
      '/api/techdocs/sync/default/component/built auth',
    ]);
  });

  it('syncs every entity with docs, one by one, and reports each outcome', async () => {
    requests.length = 0;
    const prebuilder = new DocsPrebuilder({
      catalog: catalogServiceMock({
        entities: [
          entity('built', true),
          entity('fresh', true),
          entity('broken', true),
          entity('nodocs', false),
        ],
      }),
      auth: mockServices.auth(),
      discovery: {
        getBaseUrl: async () => base,
        getExternalBaseUrl: async () => base,
      },
      logger: mockServices.logger.mock(),
    });
    const result = await prebuilder.run();
    expect(result).toEqual({
      built: ['component:default/built'],
      upToDate: ['component:default/fresh'],
      failed: [
        {
          entityRef: 'component:default/broken',
          reason: 'mkdocs.yml was refused',
        },
      ],
    });
    expect(requests.sort()).toEqual([
      '/api/techdocs/sync/default/component/broken auth',
      '/api/techdocs/sync/default/component/built auth',
      '/api/techdocs/sync/default/component/fresh auth',
    ]);
  });
});
