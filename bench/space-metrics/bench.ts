/* eslint-disable no-console */
// The measuring half of bench/space-metrics/run.sh (which starts the backend).
// Runs with the backend's TypeScript transform, so it uses the plugin's own
// stores and services to load data, exactly as the plugin writes it.
import fs from 'node:fs';
import knexFactory from 'knex';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { quarterOf, addQuarters } from '@internal/plugin-space-metrics-common';
import {
  DatabaseUsageStore,
  UsageEventRow,
} from '../../plugins/space-metrics-backend/src/database/UsageStore';
import {
  DatabaseDeploymentStore,
  DeploymentRecord,
} from '../../plugins/space-metrics-backend/src/database/DeploymentStore';
import { DatabaseSurveyStore } from '../../plugins/space-metrics-backend/src/database/SurveyStore';
import { DatabaseAdoptionStore } from '../../plugins/space-metrics-backend/src/database/AdoptionStore';
import { MetaStore } from '../../plugins/space-metrics-backend/src/database/MetaStore';
import { orgModelFromEntities } from '../../plugins/space-metrics-backend/src/services/CatalogOrgSource';
import { UsageService } from '../../plugins/space-metrics-backend/src/services/UsageService';
import { readSettings } from '../../plugins/space-metrics-backend/src/config';
import { Random } from '../../plugins/space-metrics-backend/src/demo/random';

const port = process.env.BENCH_PORT ?? '7327';
const base = `http://localhost:${port}`;
const DAY = 86_400_000;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 100_000);
const INGEST_SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 60);
const INGEST_CLIENTS = Number(process.env.BENCH_INGEST_CLIENTS ?? 8);
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 60);

const log = (m: string) => console.log(`[bench] ${m}`);
const consoleLogger: LoggerService = {
  info: m => log(m),
  warn: m => log(`warn: ${m}`),
  error: m => log(`error: ${m}`),
  debug: () => {},
  child: () => consoleLogger,
};
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) =>
    s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return {
    n: s.length,
    p50: +q(50).toFixed(1),
    p95: +q(95).toFixed(1),
    max: +s[s.length - 1].toFixed(1),
  };
};

async function main() {
  const token = (
    (await (
      await fetch(`${base}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      })
    ).json()) as any
  ).backstageIdentity.token as string;
  const auth = { Authorization: `Bearer ${token}` };

  // The catalog has to hold the synthetic organisation first.
  let entities: Entity[] = [];
  for (let i = 0; i < 120; i++) {
    const res = await fetch(
      `${base}/api/catalog/entities?filter=kind=user&filter=kind=group`,
      { headers: auth },
    );
    entities = (await res.json()) as Entity[];
    if (entities.filter(e => e.kind === 'User').length >= 400) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  const org = orgModelFromEntities(entities);
  log(`catalog: ${org.users.size} users, ${org.groups.size} groups`);
  if (org.users.size < 400)
    throw new Error('the catalog did not load the synthetic organisation');

  const db = knexFactory({
    client: 'pg',
    connection: {
      host: process.env.POSTGRES_HOST,
      port: Number(process.env.POSTGRES_PORT),
      user: process.env.POSTGRES_USER,
      password: process.env.POSTGRES_PASSWORD,
      database: 'space_bench_space-metrics',
    },
  });
  const random = new Random(42);
  const now = new Date();
  const users = [...org.users.values()];
  const teams = [...org.groups.values()]
    .filter(g => g.type === 'team')
    .map(g => g.ref);
  const results: Record<string, unknown> = {
    date: now.toISOString().slice(0, 10),
    users: users.length,
    groups: org.groups.size,
  };

  // --- load: one million events over the retention window (90 days) -----------
  const usageStore = new DatabaseUsageStore(db);
  const pages = Array.from(
    { length: 300 },
    (_, i) => `/catalog/default/component/svc-${i}`,
  );
  const terms = Array.from({ length: 200 }, (_, i) => `term ${i}`);
  let t0 = Date.now();
  for (let loaded = 0; loaded < EVENTS; loaded += 20_000) {
    const batch: UsageEventRow[] = [];
    for (let i = 0; i < Math.min(20_000, EVENTS - loaded); i++) {
      const r = random.next();
      batch.push({
        occurredAt: new Date(now.getTime() - random.next() * 89 * DAY),
        userRef: random.pick(users).ref,
        category:
          r < 0.75
            ? 'page'
            : r < 0.85
            ? 'docs'
            : r < 0.95
            ? 'search'
            : r < 0.98
            ? 'search-empty'
            : 'template',
        subject:
          r < 0.85
            ? random.pick(pages)
            : r < 0.98
            ? random.pick(terms)
            : 'template:default/go-service',
        source: 'live',
      });
    }
    await usageStore.insertEvents(batch);
  }
  results.loadEventsSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  log(`loaded ${EVENTS} events in ${results.loadEventsSeconds} s`);

  // Older months exist only as aggregates, as they would after earlier roll-ups.
  const daily: {
    day: string;
    category: string;
    subject: string;
    team_ref: string;
    count: number;
    source: string;
  }[] = [];
  for (let d = 90; d < 366; d++) {
    const day = new Date(now.getTime() - d * DAY).toISOString().slice(0, 10);
    for (let i = 0; i < 120; i++) {
      daily.push({
        day,
        category: i < 100 ? 'page' : 'search',
        subject: i < 100 ? pages[i] : terms[i],
        team_ref: teams[i % teams.length],
        count: 1 + random.int(0, 40),
        source: 'live',
      });
    }
  }
  // With the all-teams totals ('*') the roll-up writes beside them.
  const allTeams = new Map<string, (typeof daily)[number]>();
  for (const r of daily) {
    const key = `${r.day} ${r.category} ${r.subject}`;
    const a = allTeams.get(key);
    if (a) a.count += r.count;
    else allTeams.set(key, { ...r, team_ref: '*' });
  }
  const rows = [...daily, ...allTeams.values()];
  for (let i = 0; i < rows.length; i += 1000) {
    await db('usage_daily')
      .insert(rows.slice(i, i + 1000))
      .onConflict(['day', 'category', 'subject', 'team_ref', 'source'])
      .ignore();
  }
  for (const month of new Set(daily.map(r => r.day.slice(0, 7)))) {
    await usageStore.replaceMonthly(month);
  }

  // --- load: 100,000 deployments over three years --------------------------------
  const deploymentStore = new DatabaseDeploymentStore(db);
  const services = Array.from({ length: 120 }, (_, i) => ({
    ref: `component:default/svc-${i}`,
    team: teams[i % teams.length],
  }));
  const members = new Map(
    teams.map(t => [t, users.filter(u => u.groups.includes(t))]),
  );
  t0 = Date.now();
  for (let loaded = 0; loaded < DEPLOYMENTS; loaded += 5000) {
    const batch: DeploymentRecord[] = [];
    for (let i = 0; i < Math.min(5000, DEPLOYMENTS - loaded); i++) {
      const s = random.pick(services);
      const at = new Date(now.getTime() - random.next() * 3 * 365 * DAY);
      const eligible = members
        .get(s.team)!
        .filter(u => Date.parse(`${u.startDate}T00:00:00Z`) < at.getTime());
      batch.push({
        serviceRef: s.ref,
        environment: random.chance(0.8) ? 'production' : 'staging',
        revision: random.sha(),
        deployedAt: at,
        reportedBy: 'api',
        authors: eligible.length
          ? [random.pick(eligible).ref, random.pick(eligible).ref]
          : [],
        source: 'live',
      });
    }
    await deploymentStore.recordMany(batch);
  }
  results.loadDeploymentsSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  results.deployments = await deploymentStore.count();
  log(
    `loaded ${results.deployments} deployments in ${results.loadDeploymentsSeconds} s`,
  );

  // Survey answers for five quarters, components and Scaffolder runs for a year.
  const survey = new DatabaseSurveyStore(db);
  for (let q = -4; q <= 0; q++) {
    const quarter = addQuarters(quarterOf(now), q);
    await survey.putAnswers(
      users
        .filter(() => random.chance(0.7))
        .map(u => ({
          quarter,
          userRef: u.ref,
          groupRefs: u.groups,
          score: random.int(3, 10),
          comment: random.chance(0.2) ? 'a comment' : undefined,
          answeredAt: now,
          source: 'live' as const,
        })),
    );
  }
  const adoption = new DatabaseAdoptionStore(db);
  await adoption.putComponents(
    Array.from({ length: 300 }, (_, i) => ({
      entityRef: `component:default/new-${i}`,
      firstSeenAt: new Date(now.getTime() - random.next() * 365 * DAY),
      baseline: false,
      ownerRef: random.pick(teams),
      templateRef: random.chance(0.6)
        ? 'template:default/go-service'
        : undefined,
      templateVersion: random.chance(0.5) ? '0.9.0' : '1.0.0',
      source: 'live' as const,
    })),
  );
  await adoption.putTemplates([
    {
      templateRef: 'template:default/go-service',
      title: 'Go HTTP service',
      currentVersion: '1.0.0',
      source: 'live',
    },
  ]);
  await adoption.putTasks(
    Array.from({ length: 500 }, (_, i) => {
      const created = new Date(now.getTime() - random.next() * 365 * DAY);
      return {
        taskId: `bench-${i}`,
        templateRef: 'template:default/go-service',
        status: random.chance(0.9) ? 'completed' : 'failed',
        createdBy: random.pick(users).ref,
        createdAt: created,
        finishedAt: new Date(created.getTime() + random.int(30, 300) * 1000),
        source: 'live' as const,
      };
    }),
  );
  await db.raw('ANALYZE');

  // --- the roll-up job over the million events ------------------------------------
  const usage = new UsageService(
    usageStore,
    new MetaStore(db),
    { get: async () => org },
    readSettings(new ConfigReader({})),
    consoleLogger,
  );
  t0 = Date.now();
  await usage.rollup();
  results.rollupSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  log(`rolled up ${EVENTS} events in ${results.rollupSeconds} s`);
  t0 = Date.now();
  await usage.rollup();
  results.rollupAgainSeconds = +((Date.now() - t0) / 1000).toFixed(1);
  log(
    `the next roll-up (only the last day again) took ${results.rollupAgainSeconds} s`,
  );

  // --- ingest through the API ----------------------------------------------------
  const batchSize = 20;
  const body = JSON.stringify({
    events: Array.from({ length: batchSize }, (_, i) =>
      i % 5 === 4
        ? {
            action: 'search',
            subject: `term ${i}`,
            value: i % 2,
            context: { pluginId: 'search', extensionId: 'page:search' },
          }
        : {
            action: 'navigate',
            subject: `/catalog/default/component/svc-${i}`,
            context: { pluginId: 'catalog', extensionId: 'page:catalog' },
          },
    ),
  });
  const before = Number((await db('usage_events').count({ n: '*' }))[0].n);
  const latencies: number[] = [];
  let sent = 0;
  let failed = 0;
  const end = Date.now() + INGEST_SECONDS * 1000;
  t0 = Date.now();
  await Promise.all(
    Array.from({ length: INGEST_CLIENTS }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        const res = await fetch(`${base}/api/space-metrics/events`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - start);
        if (res.status === 202) sent += batchSize;
        else failed++;
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  const stored =
    Number((await db('usage_events').count({ n: '*' }))[0].n) - before;
  results.ingest = {
    clients: INGEST_CLIENTS,
    batchSize,
    seconds: +seconds.toFixed(1),
    eventsAccepted: sent,
    eventsStored: stored,
    failedRequests: failed,
    eventsPerSecond: Math.round(sent / seconds),
    requestMs: stats(latencies),
  };
  log(`ingest: ${JSON.stringify(results.ingest)}`);

  // --- dashboard latency for a year's view -----------------------------------------
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const year = `from=${day(new Date(now.getTime() - 364 * DAY))}&to=${day(
    now,
  )}`;
  const scopes = {
    organisation: '',
    department: `&group=${encodeURIComponent('group:default/dept-0')}`,
  };
  const latency: Record<string, unknown> = {};
  const get = async (path: string) => {
    const start = performance.now();
    const res = await fetch(`${base}/api/space-metrics${path}`, {
      headers: auth,
    });
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  for (const [scope, group] of Object.entries(scopes)) {
    for (const endpoint of ['nps', 'ttfd', 'adoption', 'usage']) {
      const times: number[] = [];
      await get(`/${endpoint}?${year}${group}`); // warm-up
      for (let i = 0; i < LATENCY_ROUNDS; i++)
        times.push(await get(`/${endpoint}?${year}${group}`));
      latency[`${endpoint} (${scope})`] = stats(times);
    }
    // The page: groups and the four measures at once, as the browser loads them.
    const page: number[] = [];
    for (let i = 0; i < LATENCY_ROUNDS; i++) {
      const start = performance.now();
      await Promise.all(
        [
          '/groups',
          ...['nps', 'ttfd', 'adoption', 'usage'].map(
            e => `/${e}?${year}${group}`,
          ),
        ].map(get),
      );
      page.push(performance.now() - start);
    }
    latency[`whole dashboard (${scope})`] = stats(page);
  }
  results.latencyMs = latency;
  for (const [k, v] of Object.entries(latency))
    log(`${k}: ${JSON.stringify(v)}`);

  results.rawEventsAfter = Number(
    (await db('usage_events').count({ n: '*' }))[0].n,
  );
  fs.writeFileSync(
    process.env.BENCH_OUT!,
    `${JSON.stringify(results, null, 2)}\n`,
  );
  log(`results written to ${process.env.BENCH_OUT}`);
  await db.destroy();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
