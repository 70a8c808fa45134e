/* eslint-disable no-console */
// bench/catalog-coverage: a snapshot over 10,000 production repositories and 50,000
// catalog entities (generated) on PostgreSQL, then the dashboard API's latency
// under 20 concurrent readers. Uses the plugin's own classes: the store on a
// real PostgreSQL database, the snapshot service, the inventory source reading
// a 10,000-line file, and the router served over HTTP. Run by run.sh.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import knexFactory from 'knex';
import yaml from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { LoggerService } from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { migrateUp } from '../../plugins/coverage-backend/src/database/migrate';
import { SnapshotStore } from '../../plugins/coverage-backend/src/database/SnapshotStore';
import { SnapshotService } from '../../plugins/coverage-backend/src/service/SnapshotService';
import { CoverageService } from '../../plugins/coverage-backend/src/service/CoverageService';
import { CatalogAccess } from '../../plugins/coverage-backend/src/service/CatalogAccess';
import { OwnerGuesser } from '../../plugins/coverage-backend/src/service/OwnerGuesser';
import { InventorySource } from '../../plugins/coverage-backend/src/service/InventorySource';
import { createRouter } from '../../plugins/coverage-backend/src/router';
import { generateOrg, SIZES } from './generate';

const out = process.env.BENCH_OUT ?? path.join(__dirname, 'results.json');
const work = process.env.BENCH_WORK ?? fs.mkdtempSync('/tmp/coverage-bench-');
const READERS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const log = (m: string) => console.log(`[bench] ${m}`);
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
const seconds = (start: bigint) =>
  +(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2);

async function main() {
  const connection = {
    host: process.env.POSTGRES_HOST ?? '127.0.0.1',
    port: Number(process.env.POSTGRES_PORT ?? 5432),
    user: process.env.POSTGRES_USER ?? 'postgres',
    password: process.env.POSTGRES_PASSWORD ?? '',
  };
  const dbName = `coverage_bench_${Date.now()}`;
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  await admin.raw(`create database "${dbName}"`);
  const db = knexFactory({
    client: 'pg',
    connection: { ...connection, database: dbName },
  });
  let server: http.Server | undefined;
  try {
    await migrateUp(db);
    const generated = generateOrg();
    log(
      `generated ${generated.entities.length} entities, ${SIZES.repositories} repositories`,
    );
    const inventoryFile = path.join(work, 'production-repositories.yaml');
    fs.writeFileSync(
      inventoryFile,
      yaml.stringify({ services: generated.records.filter(r => r.repoSlug) }),
    );
    const pagerduty = generated.records.filter(r => !r.repoSlug);

    const logger: LoggerService = {
      info: () => {},
      warn: m => log(`warn: ${m}`),
      error: m => log(`error: ${m}`),
      debug: () => {},
      child: () => logger,
    };
    const store = new SnapshotStore(db);
    const owners = new OwnerGuesser([], logger);
    let now = new Date('2026-11-26T03:00:00Z');
    const docs = { built: async () => generated.docsBuilt };
    const snapshots = new SnapshotService({
      store,
      sources: [
        new InventorySource(inventoryFile),
        {
          id: 'pagerduty',
          title: 'PagerDuty',
          listProductionServices: async () => pagerduty,
        },
      ],
      // Each snapshot gets its own copy, as each catalog read does.
      loadEntities: async () => structuredClone(generated.entities),
      docs,
      owners,
      settings: {
        threshold: 0.8,
        organisationTitle: 'Acme',
        fixUrl: id => `#${id}`,
      },
      logger,
      now: () => now,
    });

    let start = process.hrtime.bigint();
    const first = await snapshots.take();
    const snapshotSeconds = seconds(start);
    log(`snapshot: ${snapshotSeconds} s (${JSON.stringify(first)})`);
    start = process.hrtime.bigint();
    const again = await snapshots.take();
    const snapshotAgainSeconds = seconds(start);
    log(`same day again: ${snapshotAgainSeconds} s (created ${again.created})`);
    const report = (await store.latestReport())!;

    // 89 earlier days of history for the 90-day trend, through the store.
    start = process.hrtime.bigint();
    for (let d = 89; d >= 1; d--) {
      const day = new Date(Date.parse('2026-11-26T00:00:00Z') - d * 86_400_000)
        .toISOString()
        .slice(0, 10);
      await store.save({
        report: { ...report, day, takenAt: `${day}T03:00:00.000Z` },
        missing: [],
        entities: [],
      });
    }
    const historySeconds = seconds(start);
    now = new Date('2026-11-26T04:00:00Z');

    const coverage = new CoverageService({
      store,
      catalog: new CatalogAccess(
        catalogServiceMock({ entities: [] }),
        mockServices.auth(),
      ),
      docs,
      owners,
      fixUrl: id => `#${id}`,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.rootLogger(),
    });
    const app = express()
      .use(
        '/api/coverage',
        createRouter({
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions(),
          coverage,
          snapshots,
        }),
      )
      .use(middleware.error());
    server = await new Promise<http.Server>(resolve => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    const timed = async (p: string) => {
      const t = process.hrtime.bigint();
      const res = await fetch(`http://127.0.0.1:${port}/api/coverage${p}`, {
        headers: { Authorization: 'Bearer mock-user-token' },
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`${p}: ${res.status} ${body.slice(0, 200)}`);
      return {
        ms: Number(process.hrtime.bigint() - t) / 1e6,
        bytes: body.length,
      };
    };
    const latency: Record<
      string,
      ReturnType<typeof stats> & { bytes: number }
    > = {};
    for (const route of ['/report', '/trend?days=90', '/missing']) {
      await timed(route); // warm-up
      const ms: number[] = [];
      let bytes = 0;
      await Promise.all(
        Array.from({ length: READERS }, async () => {
          for (let i = 0; i < ROUNDS; i++) {
            const r = await timed(route);
            ms.push(r.ms);
            bytes = r.bytes;
          }
        }),
      );
      latency[route] = { ...stats(ms), bytes };
      log(`${route}: ${JSON.stringify(latency[route])}`);
    }

    const org = report.organisation.measures;
    const result = {
      date: new Date().toISOString().slice(0, 10),
      repositories: SIZES.repositories,
      slugLessServices: pagerduty.length,
      entities: generated.entities.length,
      productionServices: org.coverage.denominator,
      inCatalog: org.coverage.numerator,
      teams: report.teams.length,
      systems: report.systems.length,
      snapshotSeconds,
      snapshotAgainSeconds,
      historyDaysWritten: 89,
      historySeconds,
      readers: READERS,
      requestsPerRoute: READERS * ROUNDS,
      latencyMs: latency,
    };
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${out}`);
  } finally {
    server?.close();
    await db.destroy();
    await admin.raw(`drop database if exists "${dbName}"`);
    await admin.destroy();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
