import fs from 'node:fs/promises';
import path from 'node:path';
import { checkPythonWorkerLikeCI } from '../__testUtils__/ciChecks';
import {
  expectCompliantEntity,
  formValues,
  readValidComponent,
  useGoldenPathDryRun,
  writeGenerated,
} from '../__testUtils__/goldenPath';

/**
 * The Python worker golden path, run through the real Scaffolder (dry run, the
 * production path to GitHub), and
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

      await checkPythonWorkerLikeCI(out);

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
    // golden-path:check runs in dry runs too, and says what is wrong in words.
    expect(res.body.error.message).toBe(
      'The name "Invoice_Exporter" has capital letters; use lowercase. A name is lowercase letters, digits and single dashes, starting with a letter, at most 63 characters.',
    );
  });
});
