import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Go 1.23 from bookworm-backports, installed by ./portal test (ensure_go). */
const GO = process.env.PORTAL_GO ?? '/usr/lib/go-1.23/bin/go';

/** What the Python worker's CI runs: its unit tests under the machine's Python. */
export async function checkPythonWorkerLikeCI(dir: string) {
  const tests = await run(
    'python3',
    ['-m', 'unittest', 'discover', '-s', 'tests', '-v'],
    { cwd: dir },
  );
  expect(tests.stderr).toMatch(/Ran \d+ tests[\s\S]*\nOK\s*$/);
}

/**
 * What the Go service's CI runs: gofmt, go vet, go test, go build; offline and
 * hermetic (no module proxy, no toolchain download, own caches).
 */
export async function checkGoServiceLikeCI(dir: string) {
  const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'go-cache-'));
  const env = {
    ...process.env,
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOFLAGS: '-mod=mod',
    GOCACHE: path.join(cache, 'build'),
    GOPATH: path.join(cache, 'path'),
  };
  try {
    const gofmt = await run(path.join(path.dirname(GO), 'gofmt'), ['-l', '.'], {
      cwd: dir,
      env,
    });
    expect(gofmt.stdout).toBe('');
    await run(GO, ['vet', './...'], { cwd: dir, env });
    const tests = await run(GO, ['test', '-v', './...'], { cwd: dir, env });
    expect(tests.stdout).toMatch(/--- PASS: TestHealthAndReadiness/);
    expect(tests.stdout).toMatch(/--- PASS: TestErrorsNameTheVariable/);
    expect(tests.stdout).not.toMatch(/FAIL/);
    await run(GO, ['build', '-o', 'service', '.'], { cwd: dir, env });
    await expect(fs.access(path.join(dir, 'service'))).resolves.toBeUndefined();
  } finally {
    await fs.rm(cache, { recursive: true, force: true });
  }
}
