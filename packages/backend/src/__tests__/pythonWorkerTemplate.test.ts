import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  expectCompliantEntity,
  formValues,
  readValidComponent,
  useGoldenPathDryRun,
  writeGenerated,
} from '../__testUtils__/goldenPath';

const run = promisify(execFile);

/**
 * The Python worker golden path, run through the real Scaffolder (dry run), and
 * the generated repository checked the way its own CI would check it.
 */
describe('the python-worker template', () => {
  const dryRun = useGoldenPathDryRun('python-worker');

  it('generates a worker whose tests pass and whose catalog entry is valid', async () => {
    const res = await dryRun(formValues('invoice-exporter'));
    expect(res.status).toBe(200);
    const out = await writeGenerated(res.body.directoryContents);
    try {
      const generated = res.body.directoryContents.map((f: any) => f.path);
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
        { cwd: out },
      );
      expect(tests.stderr).toMatch(/Ran \d+ tests[\s\S]*\nOK\s*$/);

      // GitHub Actions expressions survive templating.
      expect(
        await fs.readFile(path.join(out, '.github/workflows/ci.yaml'), 'utf8'),
      ).toContain('${{ github.sha }}');

      expectCompliantEntity(
        await readValidComponent(out),
        'invoice-exporter',
        'python-worker',
      );
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a name that is not a valid catalog and repository name', async () => {
    const res = await dryRun({
      ...formValues('x'),
      name: 'Invoice_Exporter',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(
      /name.*does not match pattern/,
    );
  });
});
