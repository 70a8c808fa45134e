import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import githostPlugin from '@internal/plugin-githost-backend';
import scaffolderGoldenPathsModule from '@internal/plugin-scaffolder-backend-module-golden-paths';

const templatesDir = path.resolve(__dirname, '../../../../templates');

async function filesOf(
  dir: string,
  base = dir,
): Promise<{ path: string; base64Content: string }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async e => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return filesOf(full, base);
      return [
        {
          path: path.relative(base, full),
          base64Content: (await fs.readFile(full)).toString('base64'),
        },
      ];
    }),
  );
  return files.flat();
}

/**
 * Runs a golden-path template from templates/ through the real Scaffolder
 * backend in dry-run mode (publishing and registration are simulated).
 */
export async function startGoldenPathDryRun(templateName: string) {
  const dir = path.join(templatesDir, templateName);
  const template = yaml.parse(
    await fs.readFile(path.join(dir, 'template.yaml'), 'utf8'),
  );
  const directoryContents = await filesOf(dir);
  const githostDir = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-'));
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      scaffolderGoldenPathsModule,
      githostPlugin,
      catalogPlugin,
      mockServices.rootConfig.factory({
        data: {
          integrations: { github: [{ host: 'github.com', token: 'unused' }] },
          githost: { directory: githostDir },
          app: { baseUrl: 'http://localhost:3000' },
        },
      }),
    ],
  });
  return {
    stop: async () => {
      await backend.stop();
      await fs.rm(githostDir, { recursive: true, force: true });
    },
    dryRun: (values: object) =>
      request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .send({ template, values, secrets: {}, directoryContents }),
  };
}

/**
 * Starts the Scaffolder for a describe block (stopped after it) and returns the
 * dry-run call.
 */
export function useGoldenPathDryRun(templateName: string) {
  let started: Awaited<ReturnType<typeof startGoldenPathDryRun>>;
  beforeAll(async () => {
    started = await startGoldenPathDryRun(templateName);
  });
  afterAll(() => started.stop());
  return (values: object) => started.dryRun(values);
}

/** Writes a dry run's generated files into a new temporary folder. */
export async function writeGenerated(
  files: { path: string; base64Content: string }[],
): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'golden-path-'));
  for (const file of files) {
    const target = path.join(out, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(file.base64Content, 'base64'));
  }
  return out;
}

/** Reads catalog-info.yaml and validates it as the catalog would. */
export async function readValidComponent(dir: string): Promise<Entity> {
  const entity = yaml.parse(
    await fs.readFile(path.join(dir, 'catalog-info.yaml'), 'utf8'),
  );
  const policies = EntityPolicies.allOf([
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
    new SchemaValidEntityPolicy(),
  ]);
  await policies.enforce(entity);
  if (!(await componentEntityV1alpha1Validator.check(entity))) {
    throw new Error('catalog-info.yaml is not a Component');
  }
  return entity;
}

/** Values a person would fill the form with (GitHub: the production path). */
export const formValues = (
  name: string,
  repoHost: 'github' | 'portal' = 'github',
) => ({
  name,
  description: `The ${name} golden-path test service.`,
  owner: 'group:default/team-payments',
  system: 'system:default/billing-platform',
  lifecycle: 'experimental',
  pagerdutyServiceId: 'P9X8Y7Z',
  repoHost,
  ...(repoHost === 'github'
    ? { repoUrl: `github.com?owner=acme-pay&repo=${name}` }
    : {}),
});

/** The annotations and spec every golden path must write. */
export function expectCompliantEntity(
  entity: Entity,
  name: string,
  template: string,
  repoHost: 'github' | 'portal' = 'github',
) {
  expect(entity.metadata.annotations).toEqual({
    ...(repoHost === 'github'
      ? { 'github.com/project-slug': `acme-pay/${name}` }
      : {}),
    'backstage.io/techdocs-ref': 'dir:.',
    'pagerduty.com/service-id': 'P9X8Y7Z',
    'argocd/app-name': name,
    'backstage.io/source-template': `template:default/${template}`,
    'acme-pay.example/template-version': '1.0.0',
  });
  expect(entity.spec).toEqual({
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/team-payments',
    system: 'system:default/billing-platform',
  });
  expect(entity.metadata.links?.[0]).toEqual({
    type: 'runbook',
    title: 'Runbook',
    url:
      repoHost === 'github'
        ? `https://github.com/acme-pay/${name}/blob/main/docs/runbook.md`
        : `http://localhost:3000/docs/default/component/${name}/runbook/`,
  });
}
