import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleHealth from '@internal/plugin-catalog-backend-module-health';
import { catalogModuleFileIsolation } from './module';

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

async function startCatalog(dir: string, withModule: boolean) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleHealth,
      ...(withModule ? [catalogModuleFileIsolation] : []),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            locations: [
              { type: 'file', target: path.join(dir, '*/catalog-info.yaml') },
            ],
          },
        },
      }),
    ],
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('one broken file next to good ones', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'file-isolation-'));
    for (const [repo, text] of Object.entries({
      alpha: component('alpha'),
      // Two documents: both must arrive, around one that is not an entity.
      beta: `${component('beta')}---\nkind: Component\n---\n${component(
        'beta-worker',
      )}`,
      // Not YAML: an unclosed flow sequence.
      broken: 'apiVersion: backstage.io/v1alpha1\nkind: [Component\n',
      // A copy of alpha's file in another repository.
      copy: component('alpha'),
    })) {
      await fs.mkdir(path.join(dir, repo));
      await fs.writeFile(path.join(dir, repo, 'catalog-info.yaml'), text);
    }
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const names = async (server: any) => {
    const res = await request(server)
      .get('/api/catalog/entities/by-query')
      .query({ filter: 'kind=component' });
    return (res.body.items as any[]).map(e => e.metadata.name).sort();
  };

  const problems = async (server: any) => {
    const res = await request(server).get('/api/catalog/health/problems');
    return res.body.problems as {
      source?: string;
      errors: { message: string }[];
    }[];
  };

  it('ingests the good files and records the error against the broken one', async () => {
    const backend = await startCatalog(dir, true);
    const { server } = backend;
    try {
      const ingested = await waitFor(async () => {
        const n = await names(server);
        return n.length === 3 ? n : undefined;
      });
      expect(ingested).toEqual(['alpha', 'beta', 'beta-worker']);

      // The broken file has a location of its own that carries the YAML error.
      const brokenFile = path.join(dir, 'broken', 'catalog-info.yaml');
      const problem = await waitFor(async () =>
        (await problems(server)).find(p => p.source === brokenFile),
      );
      expect(problem.errors[0].message).toMatch(/YAML error/);

      // The bad document beside beta's two good ones is reported on its own.
      const betaFile = path.join(dir, 'beta', 'catalog-info.yaml');
      const document = await waitFor(async () =>
        (await problems(server)).find(p => p.source === `${betaFile}`),
      );
      expect(document.errors[0].message).toMatch(
        /Document 2 of .*beta\/catalog-info.yaml: not a valid entity/,
      );

      // One of the two files that define alpha is told that the other has it.
      const duplicate = await waitFor(async () =>
        (
          await problems(server)
        ).find(p =>
          /component:default\/alpha is already defined in/.test(
            p.errors[0]?.message,
          ),
        ),
      );
      expect([
        path.join(dir, 'alpha', 'catalog-info.yaml'),
        path.join(dir, 'copy', 'catalog-info.yaml'),
      ]).toContain(duplicate.source);
      expect(duplicate.errors[0].message).toMatch(
        /Rename one of them, or remove the copy/,
      );
    } finally {
      await backend.stop();
    }
  }, 60_000);

  it('without it, the catalog ingests nothing from the glob (why the module exists)', async () => {
    const backend = await startCatalog(dir, false);
    const { server } = backend;
    try {
      // Once the glob location has been processed and failed on the broken
      // file, nothing from the two good files is in the catalog.
      const problem = await waitFor(async () =>
        (
          await problems(server)
        ).find(p => p.source?.endsWith('*/catalog-info.yaml')),
      );
      expect(problem.errors[0].message).toMatch(/YAML error/);
      expect(await names(server)).toEqual([]);
    } finally {
      await backend.stop();
    }
  }, 60_000);
});
