import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
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

/** Go 1.23 from bookworm-backports, installed by ./portal test (ensure_go). */
const GO = process.env.PORTAL_GO ?? '/usr/lib/go-1.23/bin/go';

/**
 * The Go HTTP service golden path through the real Scaffolder (dry run), and the
 * generated repository checked as its CI would: gofmt, go vet, go test, go build.
 */
describe('the go-service template', () => {
  const dryRun = useGoldenPathDryRun('go-service');

  it('generates a service that vets, tests and builds, with a valid catalog entry', async () => {
    const res = await dryRun(formValues('refund-api'));
    expect(res.status).toBe(200);
    const out = await writeGenerated(res.body.directoryContents);
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'go-cache-'));
    // Offline and hermetic: no module proxy, no toolchain download, own caches.
    const env = {
      ...process.env,
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '-mod=mod',
      GOCACHE: path.join(cache, 'build'),
      GOPATH: path.join(cache, 'path'),
    };
    try {
      const gofmt = await run(
        path.join(path.dirname(GO), 'gofmt'),
        ['-l', '.'],
        {
          cwd: out,
          env,
        },
      );
      expect(gofmt.stdout).toBe('');
      await run(GO, ['vet', './...'], { cwd: out, env });
      const tests = await run(GO, ['test', '-v', './...'], { cwd: out, env });
      expect(tests.stdout).toMatch(/--- PASS: TestHealthAndReadiness/);
      expect(tests.stdout).toMatch(/--- PASS: TestErrorsNameTheVariable/);
      expect(tests.stdout).not.toMatch(/FAIL/);
      await run(GO, ['build', '-o', 'service', '.'], { cwd: out, env });
      await expect(
        fs.access(path.join(out, 'service')),
      ).resolves.toBeUndefined();

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
      await fs.rm(cache, { recursive: true, force: true });
    }
  }, 180_000);
});
