import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogModuleFileIsolation from '@internal/plugin-catalog-backend-module-file-isolation';
import catalogModuleHealth from '@internal/plugin-catalog-backend-module-health';
import catalogModuleLocalPlaceholders from '@internal/plugin-catalog-backend-module-local-placeholders';
import { GithubStandin } from '@internal/standins';
import {
  compareWithCatalog,
  judgeCorpus,
} from '../__testUtils__/realworldOracle';

const repoRoot = path.resolve(__dirname, '../../../..');
const backendDir = path.join(repoRoot, 'packages/backend');
const corpus = path.join(repoRoot, 'fixtures/realworld');
const readConfig = (file: string) =>
  yaml.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));

/**
 * The real-world corpus as local files on the embedded default, behind the
 * `--realworld` switch (app-config.realworld.yaml), judged like the GitHub run.
 */
describe('the real-world corpus, as local files', () => {
  it('is the embedded default plus the corpus', () => {
    const base = readConfig('app-config.yaml').catalog;
    const layer = readConfig('app-config.realworld.yaml').catalog;
    expect(layer.locations.slice(0, -1)).toEqual(base.locations);
    expect(layer.locations.at(-1)).toEqual({
      type: 'file',
      target: '../../fixtures/realworld/*/*/**/*.{yaml,yml}',
    });
  });

  it('ingests every valid entity and reports every failing file', async () => {
    const expected = await judgeCorpus(corpus);
    const base = readConfig('app-config.yaml').catalog;
    const layer = readConfig('app-config.realworld.yaml').catalog;
    // Files that point at github.com: an empty GitHub answers 404, as it would
    // for repositories this organisation cannot see (and tests stay offline).
    const github = await GithubStandin.start();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        catalogModuleFileIsolation,
        catalogModuleHealth,
        catalogModuleLocalPlaceholders,
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [github.integrationConfig()] },
            catalog: {
              // Read every file again every few seconds (files on disk have no
              // cache), so two files defining one entity are told apart soon.
              processingInterval: { seconds: 3 },
              rules: base.rules,
              // The backend runs in packages/backend, where `../../` is the repo.
              locations: layer.locations.map((l: any) => ({
                ...l,
                target: path.resolve(backendDir, l.target),
              })),
            },
          },
        }),
      ],
    });
    try {
      const refs = async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-query')
          .query({
            limit: 10000,
            fields: 'kind,metadata.namespace,metadata.name',
          });
        return new Set(
          (res.body.items as any[]).map(e =>
            `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase(),
          ),
        );
      };
      expect(
        await compareWithCatalog(expected, {
          refs: async () => [...(await refs())],
          reportedFiles: async () => {
            const res = await request(backend.server).get(
              '/api/catalog/health/problems',
            );
            return new Set<string>(
              (res.body.problems as { source?: string }[])
                .filter(p => p.source?.startsWith(corpus))
                .map(p => {
                  const [owner, repo, ...rest] = path
                    .relative(corpus, p.source!)
                    .split(path.sep);
                  return `${`rw-${owner}-${repo}`.toLowerCase()}/${rest.join(
                    '/',
                  )}`;
                }),
            );
          },
        }),
      ).toEqual({
        missing: [],
        notReported: [],
        withoutReason: [],
        duplicatesNotReported: [],
      });
      // The demo organisation is all there beside it.
      expect((await refs()).has('component:default/payment-processor')).toBe(
        true,
      );
    } finally {
      await backend.stop();
      await github.stop();
    }
  }, 240_000);
});
