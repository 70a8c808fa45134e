import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import yaml from 'yaml';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';

const run = promisify(execFile);
const templateDir = path.resolve(
  __dirname,
  '../../../../templates/python-worker',
);

async function templateFiles(
  dir: string,
  base = dir,
): Promise<{ path: string; base64Content: string }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async e => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return templateFiles(full, base);
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

const values = {
  name: 'invoice-exporter',
  description: 'Exports settled invoices to the ledger, one job per invoice.',
  owner: 'group:default/team-payments',
  system: 'system:default/billing-platform',
  lifecycle: 'experimental',
  pagerdutyServiceId: 'P9X8Y7Z',
  repoUrl: 'github.com?owner=acme-pay&repo=invoice-exporter',
};

/**
 * The Python worker golden path, run through the real Scaffolder (dry run), and
 * the generated repository checked the way its own CI would check it.
 */
describe('the python-worker template', () => {
  let server: any;
  let template: any;
  let directoryContents: { path: string; base64Content: string }[];

  beforeAll(async () => {
    template = yaml.parse(
      await fs.readFile(path.join(templateDir, 'template.yaml'), 'utf8'),
    );
    directoryContents = await templateFiles(templateDir);
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderGithubModule,
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [{ host: 'github.com', token: 'unused' }] },
          },
        }),
      ],
    }));
  });

  const dryRun = (vals: object) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: vals, secrets: {}, directoryContents });

  it('generates a worker whose tests pass and whose catalog entry is valid', async () => {
    const res = await dryRun(values);
    expect(res.status).toBe(200);
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'python-worker-'));
    try {
      for (const file of res.body.directoryContents) {
        const target = path.join(out, file.path);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, Buffer.from(file.base64Content, 'base64'));
      }
      const generated = res.body.directoryContents
        .map((f: any) => f.path)
        .sort();
      expect(generated).toEqual(
        expect.arrayContaining([
          '.dockerignore',
          '.github/workflows/ci.yaml',
          'Dockerfile',
          'README.md',
          'catalog-info.yaml',
          'docs/index.md',
          'docs/runbook.md',
          'mkdocs.yml',
          'tests/test_worker.py',
          'worker/__main__.py',
        ]),
      );

      // The generated tests, as the repository's CI runs them (machine's Python).
      const tests = await run(
        'python3',
        ['-m', 'unittest', 'discover', '-s', 'tests', '-v'],
        {
          cwd: out,
        },
      );
      expect(tests.stderr).toMatch(/Ran \d+ tests[\s\S]*\nOK\s*$/);

      // GitHub Actions expressions survive templating.
      expect(
        await fs.readFile(path.join(out, '.github/workflows/ci.yaml'), 'utf8'),
      ).toContain('${{ github.sha }}');

      // The catalog entry validates with the catalog model and names its template.
      const entity = yaml.parse(
        await fs.readFile(path.join(out, 'catalog-info.yaml'), 'utf8'),
      );
      const policies = EntityPolicies.allOf([
        new DefaultNamespaceEntityPolicy(),
        new NoForeignRootFieldsEntityPolicy(),
        new FieldFormatEntityPolicy(),
        new SchemaValidEntityPolicy(),
      ]);
      await expect(policies.enforce(entity)).resolves.toBeDefined();
      await expect(
        componentEntityV1alpha1Validator.check(entity),
      ).resolves.toBe(true);
      expect(entity.metadata.annotations).toEqual({
        'github.com/project-slug': 'acme-pay/invoice-exporter',
        'backstage.io/techdocs-ref': 'dir:.',
        'pagerduty.com/service-id': 'P9X8Y7Z',
        'argocd/app-name': 'invoice-exporter',
        'backstage.io/source-template': 'template:default/python-worker',
        'acme-pay.example/template-version': '1.0.0',
      });
      expect(entity.spec).toEqual({
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/team-payments',
        system: 'system:default/billing-platform',
      });
      expect(entity.metadata.links[0]).toEqual(
        expect.objectContaining({ type: 'runbook', title: 'Runbook' }),
      );
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a name that is not a valid catalog and repository name', async () => {
    const res = await dryRun({ ...values, name: 'Invoice_Exporter' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(
      /name.*does not match pattern/,
    );
  });
});
