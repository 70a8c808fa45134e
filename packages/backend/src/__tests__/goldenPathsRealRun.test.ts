import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  checkGoServiceLikeCI,
  checkPythonWorkerLikeCI,
} from '../__testUtils__/ciChecks';
import {
  expectCompliantEntity,
  formValues,
  readValidComponent,
} from '../__testUtils__/goldenPath';
import {
  GoldenPathBackend,
  runTemplate,
  startGoldenPathBackend,
  TEST_TOKEN,
  waitForTemplates,
} from '../__testUtils__/goldenPathBackend';

const run = promisify(execFile);

/** Clones a repository from the local git host over HTTP, as a person would. */
async function cloneFromHost(host: GoldenPathBackend, slug: string) {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'golden-clone-'));
  await run('git', [
    '-c',
    `http.extraHeader=Authorization: Bearer ${TEST_TOKEN}`,
    'clone',
    '--quiet',
    `${host.baseUrl}/api/githost/git/${slug}.git`,
    out,
  ]);
  return out;
}

/**
 * Pressing create on the embedded default: each golden path runs for real
 * through the Scaffolder, publishes to the local git host, and registers the
 * new component in the catalog from there. The repository, cloned back from the
 * host, passes the checks its own CI runs.
 */
describe('the golden paths on the local git host (real runs)', () => {
  let host: GoldenPathBackend;
  beforeAll(async () => {
    host = await startGoldenPathBackend();
    await waitForTemplates(host, ['python-worker', 'go-service']);
  }, 60_000);
  afterAll(() => host.stop());

  it.each([
    ['python-worker', 'invoice-exporter', checkPythonWorkerLikeCI],
    ['go-service', 'refund-api', checkGoServiceLikeCI],
  ])(
    '%s: creates the repository, registers the component, and the clone passes its CI',
    async (template, name, checkLikeCI) => {
      const { task, log } = await runTemplate(
        host,
        template,
        formValues(name, 'portal'),
      );
      expect(log).not.toMatch(/error/i);
      expect(task.status).toBe('completed');

      // The run ended once the catalog served the component (so "Open in the
      // catalog" opens its page), read from the local git host.
      expect(log).toContain(`component:default/${name} is in the catalog`);
      const res = await host.api(
        'GET',
        `/api/catalog/entities/by-name/component/default/${name}`,
      );
      expect(res.status).toBe(200);
      const entity = res.body;
      expect(
        entity.metadata.annotations['backstage.io/managed-by-location'],
      ).toBe(
        `url:${host.baseUrl}/api/githost/repos/acme-pay/${name}/blob/main/catalog-info.yaml`,
      );
      expect(entity.spec.owner).toBe('group:default/team-payments');

      // TechDocs reads `dir:.` through the same reader: the docs folder is there.
      const tree = await host.api(
        'GET',
        `/api/githost/repos/acme-pay/${name}/tree/main/docs`,
      );
      expect(tree.status).toBe(200);
      expect(tree.body.map((e: any) => e.path).sort()).toEqual([
        'index.md',
        'runbook.md',
      ]);

      const clone = await cloneFromHost(host, `acme-pay/${name}`);
      try {
        const gitLog = await run('git', ['log', '--format=%s'], { cwd: clone });
        expect(gitLog.stdout.trim()).toBe(
          'Initial commit from the golden path',
        );
        await checkLikeCI(clone);
        expectCompliantEntity(
          await readValidComponent(clone),
          name,
          template,
          'portal',
        );
      } finally {
        await fs.rm(clone, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it('keeps the tokens steps use out of the task log and the task output', async () => {
    const token = 'ghp_S3cretDeployToken0123456789abcdef';
    const { task, eventsText } = await runTemplate(
      host,
      'secret-probe',
      {},
      { deployToken: token },
    );
    // The second step fails on purpose, with the token in the URL it fetched.
    expect(task.status).toBe('failed');
    // The step's log line ran, and the Scaffolder blanked what held the token.
    expect(eventsText).toContain('info\\u001b[39m: ***');
    expect(eventsText).not.toContain(token);
    expect(JSON.stringify(task)).not.toContain(token);
    // Nor the Scaffolder's own token for the person who pressed create.
    expect(eventsText).not.toMatch(/Bearer|backstageToken/);
    expect(eventsText).not.toContain(TEST_TOKEN);
  }, 60_000);
});
