import fs from 'node:fs/promises';
import path from 'node:path';
import { checkGoServiceLikeCI } from '../__testUtils__/ciChecks';
import {
  expectCompliantEntity,
  formValues,
  readValidComponent,
  useGoldenPathDryRun,
  writeGenerated,
} from '../__testUtils__/goldenPath';

/**
 * The Go HTTP service golden path through the real Scaffolder (dry run, the
 * production path to GitHub), and the generated repository checked as its CI
 * would: gofmt, go vet, go test, go build.
 */
describe('the go-service template', () => {
  const dryRun = useGoldenPathDryRun('go-service');

  it('generates a service that vets, tests and builds, with a valid catalog entry', async () => {
    const res = await dryRun(formValues('refund-api'));
    expect(res.status).toBe(200);
    const out = await writeGenerated(res.body.directoryContents);
    try {
      await checkGoServiceLikeCI(out);

      expect(await fs.readFile(path.join(out, 'go.mod'), 'utf8')).toContain(
        'module github.com/acme-pay/refund-api',
      );
      expectCompliantEntity(
        await readValidComponent(out),
        'refund-api',
        'go-service',
      );
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
