#!/usr/bin/env node
// Pins every @backstage/* package in yarn.lock to the newest stable version published
// before a release cut-off, as root `resolutions`.
//
// Why: without the release manifest service (not reachable here) caret ranges in
// transitive dependencies resolve to packages from a newer Backstage release, and
// mixing release lines breaks the backend at start. This builds the manifest from
// the registry's publish times instead.
//
// Usage: node scripts/pin-backstage-release.mjs 2026-10-01T00:00:00Z
// (1.55.0 was released mid-September 2026; 1.56 in late October.)
import { readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cutoff = new Date(process.argv[2] ?? '');
if (Number.isNaN(cutoff.getTime())) {
  console.error('usage: pin-backstage-release.mjs <ISO cut-off date>');
  process.exit(2);
}
const lock = readFileSync('yarn.lock', 'utf8');
const names = [
  ...new Set([...lock.matchAll(/^"?(@backstage\/[^@"]+)@/gm)].map(m => m[1])),
].sort();

async function pick(name) {
  const { stdout } = await run('npm', ['view', name, 'time', '--json'], {
    maxBuffer: 1 << 26,
  });
  const times = JSON.parse(stdout);
  const stable = Object.entries(times)
    .filter(([v, t]) => /^\d+\.\d+\.\d+$/.test(v) && new Date(t) <= cutoff)
    .map(([v]) => v)
    .sort((a, b) => {
      const pa = a.split('.').map(Number);
      const pb = b.split('.').map(Number);
      return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
    });
  return [name, stable.at(-1)];
}

const out = {};
for (let i = 0; i < names.length; i += 8) {
  for (const [n, v] of await Promise.all(names.slice(i, i + 8).map(pick))) {
    if (v) out[n] = v;
    else console.warn(`no release of ${n} before ${cutoff.toISOString()}`);
  }
}
// Exact versions that workspaces ask for (taken from create-app's release manifest)
// win over the publish-time guess: mirrors do not keep publish times reliably.
for (const dir of ['packages/app', 'packages/backend']) {
  const ws = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  for (const deps of [ws.dependencies, ws.devDependencies]) {
    for (const [n, v] of Object.entries(deps ?? {})) {
      if (n.startsWith('@backstage/') && /^\d+\.\d+\.\d+$/.test(v)) {
        if (out[n] && out[n] !== v)
          console.warn(`${n}: ${out[n]} -> ${v} (workspace pin)`);
        out[n] = v;
      }
    }
  }
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.resolutions = {
  ...Object.fromEntries(
    Object.entries(pkg.resolutions ?? {}).filter(
      ([k]) => !k.startsWith('@backstage/'),
    ),
  ),
  ...out,
};
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`pinned ${Object.keys(out).length} @backstage packages`);
