/*
 * Discovery benchmark (issue #3): an organisation of REPOS repositories with five
 * entities each, on the stand-in GitHub, discovered by the real backend on
 * PostgreSQL until every entity is processed and stitched. Then a second run with
 * nothing changed, counting GitHub requests until every repository's location has
 * been read again.
 *
 * Run through bench/catalog-github/run.sh, which sets the environment.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { buildGeneratedOrg, GithubStandin } from '@internal/standins';

const env = (name: string, fallback?: string) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const root = env('PORTAL_ROOT');
const repos = Number(env('REPOS', '2000'));
const port = Number(env('BENCH_PORT', '7147'));
const prefix = env('BENCH_DB_PREFIX', 'bench_github_');
const work = env('BENCH_WORK');
const token = `bench-${Date.now()}`;
const org = 'bench-org';
const teams = 40;
const usersPerTeam = 8;
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The backend process's peak and current resident memory, from /proc. */
function memory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

async function main() {
  const standin = await GithubStandin.start({
    world: buildGeneratedOrg({ org, repos, teams, usersPerTeam }),
  });
  const pg = {
    host: env('POSTGRES_HOST', '127.0.0.1'),
    port: Number(env('POSTGRES_PORT', '5432')),
    user: env('POSTGRES_USER', 'postgres'),
    password: process.env.POSTGRES_PASSWORD ?? '',
  };
  const configFile = path.join(work, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        database: {
          client: 'pg',
          connection: { ...pg, directory: null },
          prefix,
        },
        auth: {
          externalAccess: [
            { type: 'static', options: { token, subject: 'bench' } },
          ],
        },
      },
      integrations: { github: [standin.integrationConfig()] },
      techdocs: {
        prebuild: { enabled: false },
        publisher: { local: { publishDirectory: path.join(work, 'docs') } },
      },
      githost: { directory: path.join(work, 'githost') },
      spaceMetrics: { demoData: { enabled: false } },
      catalog: {
        // Only the organisation: no demo files, no templates.
        locations: [],
        providers: {
          github: {
            bench: {
              organization: org,
              catalogPath: '/catalog-info.yaml',
              pageSizes: { repositories: 100 },
              schedule: {
                frequency: { trigger: 'manual' },
                timeout: { hours: 1 },
              },
            },
          },
          githubOrg: {
            id: 'bench',
            githubUrl: 'https://github.com',
            orgs: [org],
            schedule: {
              frequency: { trigger: 'manual' },
              timeout: { hours: 1 },
            },
          },
        },
      },
    }),
  );
  const backend = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      stdio: [
        'ignore',
        fs.openSync(path.join(work, 'backend.log'), 'w'),
        'inherit',
      ],
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  const base = `http://localhost:${port}`;
  const api = (p: string, init?: RequestInit) =>
    fetch(`${base}${p}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init?.headers },
    });
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/.backstage/health/v1/readiness`)
        .then(r => r.ok)
        .catch(() => false);
      if (ok) break;
      if (i > 300 || backend.exitCode !== null) {
        throw new Error('the backend did not become ready (see backend.log)');
      }
      await sleep(1000);
    }
    const idle = memory(backend.pid!);
    log(`backend ready; idle RSS ${idle.rssMiB.toFixed(0)} MiB`);
    const db = new Client({ ...pg, database: `${prefix}catalog` });
    await db.connect();
    const count = async (sql: string) =>
      Number((await db.query(sql)).rows[0].count);

    const tasks = async () =>
      (await (await api('/api/catalog/.backstage/scheduler/v1/tasks')).json())
        .tasks as {
        taskId: string;
        taskState?: { status: string; lastRunEndedAt?: string };
      }[];
    const trigger = async (taskId: string) => {
      const res = await api(
        `/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
          taskId,
        )}/trigger`,
        { method: 'POST' },
      );
      if (!res.ok) throw new Error(`trigger ${taskId}: ${res.status}`);
    };
    const waitForRun = async (taskId: string, since: number) => {
      for (;;) {
        const state = (await tasks()).find(t => t.taskId === taskId)?.taskState;
        if (
          state?.status === 'idle' &&
          state.lastRunEndedAt &&
          Date.parse(state.lastRunEndedAt) >= since
        ) {
          return Date.now();
        }
        await sleep(500);
      }
    };

    // Every entity of the organisation: five per repository, a Location per
    // repository, the people and the teams (with their departments).
    const expected =
      repos * 5 + repos + teams * usersPerTeam + teams + Math.ceil(teams / 5);
    const providers = {
      repos: 'github-provider:bench:refresh',
      org: 'GithubMultiOrgEntityProvider:bench:refresh',
    };

    // --- first run ---------------------------------------------------------
    let peak = idle.peakMiB;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memory(backend.pid!).peakMiB);
    }, 1000);
    const t0 = Date.now();
    await trigger(providers.org);
    await trigger(providers.repos);
    const discoveredAt = await waitForRun(providers.repos, t0);
    log(
      `discovery run ended after ${((discoveredAt - t0) / 1000).toFixed(1)} s`,
    );
    let done = 0;
    for (;;) {
      const rows = await count('select count(*) from refresh_state');
      const unprocessed = await count(
        'select count(*) from refresh_state where processed_entity is null',
      );
      const finals = await count(
        'select count(*) from final_entities where final_entity is not null',
      );
      const queued = await count('select count(*) from stitch_queue');
      if (
        rows >= expected &&
        unprocessed === 0 &&
        finals >= expected &&
        queued === 0
      ) {
        done = Date.now();
        break;
      }
      if (Date.now() - t0 > 3600_000) throw new Error('not done after an hour');
      await sleep(1000);
    }
    const first = {
      seconds: (done - t0) / 1000,
      discoveryRunSeconds: (discoveredAt - t0) / 1000,
      entities: await count(
        "select count(*) from final_entities where final_entity is not null and entity_ref not like 'location:%'",
      ),
      locations: await count(
        "select count(*) from final_entities where entity_ref like 'location:%'",
      ),
      relations: await count('select count(*) from relations'),
      github: standin.traffic.stats(t0),
    };
    log(`first run: ${JSON.stringify(first)}`);

    // Every repository's file read once more: the catalog is settled (the
    // first read of a new file is not cached, the second one is, with its
    // ETag). Locations re-read after `since`: next_update_at moved past it.
    const allReadAgainSince = async (since: number) => {
      for (;;) {
        const stale = await count(
          `select count(*) from refresh_state where entity_ref like 'location:%' and next_update_at < to_timestamp(${
            (since + 100_000) / 1000
          })`,
        );
        if (stale === 0) return;
        await sleep(2000);
      }
    };
    await allReadAgainSince(done);
    const settled = {
      seconds: (Date.now() - done) / 1000,
      github: standin.traffic.stats(done),
    };
    log(`settled: ${JSON.stringify(settled)}`);

    // --- second run, nothing changed ---------------------------------------
    // Requests until the discovery run has ended and every repository's
    // location has been read again by the processing loop (which re-reads
    // each entity every 100-150 s by default).
    const t1 = Date.now();
    await trigger(providers.repos);
    const rediscoveredAt = await waitForRun(providers.repos, t1);
    const discoveryRequests = standin.traffic.stats(t1);
    await allReadAgainSince(t1);
    const second = {
      seconds: (Date.now() - t1) / 1000,
      discoveryRunSeconds: (rediscoveredAt - t1) / 1000,
      discoveryRun: discoveryRequests,
      github: standin.traffic.stats(t1),
    };
    clearInterval(sampler);
    peak = Math.max(peak, memory(backend.pid!).peakMiB);
    log(`second run: ${JSON.stringify(second)}`);
    await db.end();

    const result = {
      date: new Date().toISOString(),
      repositories: repos,
      expectedEntities: expected,
      backend: {
        database: 'PostgreSQL 15 (one database per plugin)',
        processingInterval: 'default (100-150 s)',
        idleRssMiB: Math.round(idle.rssMiB),
        peakRssMiB: Math.round(peak),
      },
      firstRun: first,
      settling: settled,
      secondRun: {
        ...second,
        requestsPerRepository: second.github.total / repos,
        chargedPerRepository: second.github.charged / repos,
        discoveryRunRequestsPerRepository: second.discoveryRun.total / repos,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    backend.kill('SIGTERM');
    await standin.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
