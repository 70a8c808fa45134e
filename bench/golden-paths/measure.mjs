// Measures create -> component in the catalog against a running portal.
// Env: BENCH_URL, BENCH_TOKEN, BENCH_RUNS. Prints the results as JSON.
import os from 'node:os';

const base = process.env.BENCH_URL;
const runs = Number(process.env.BENCH_RUNS ?? 10);
const headers = {
  Authorization: `Bearer ${process.env.BENCH_TOKEN}`,
  'Content-Type': 'application/json',
};
const get = path => fetch(`${base}${path}`, { headers });
const sleep = ms => new Promise(r => setTimeout(r, ms));

// The catalog's first pass over the templates and the demo organisation.
for (let i = 0; ; i++) {
  const res = await get(
    '/api/catalog/entities/by-name/template/default/python-worker',
  );
  if (res.ok) break;
  if (i > 1200)
    throw new Error('python-worker template never reached the catalog');
  await sleep(100);
}

const results = [];
const stamp = Date.now().toString(36);
for (let i = 0; i < runs; i++) {
  const name = `bench-${stamp}-${i}`;
  const t0 = performance.now();
  const created = await fetch(`${base}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      templateRef: 'template:default/python-worker',
      values: {
        name,
        description: 'Benchmark worker.',
        owner: 'group:default/team-payments',
        system: 'system:default/billing-platform',
        lifecycle: 'experimental',
        pagerdutyServiceId: 'P1A2B3C',
        repoHost: 'portal',
      },
    }),
  });
  if (created.status !== 201)
    throw new Error(`task not created: ${await created.text()}`);
  const { id } = await created.json();
  let taskDone;
  let inCatalog;
  while (inCatalog === undefined) {
    if (taskDone === undefined) {
      const task = await (await get(`/api/scaffolder/v2/tasks/${id}`)).json();
      if (task.status === 'failed') throw new Error(`task ${id} failed`);
      if (task.status === 'completed') taskDone = performance.now() - t0;
    }
    const entity = await get(
      `/api/catalog/entities/by-name/component/default/${name}`,
    );
    if (entity.ok) inCatalog = performance.now() - t0;
    else await sleep(100);
    if (performance.now() - t0 > 300_000)
      throw new Error(`${name} never reached the catalog`);
  }
  results.push({
    name,
    taskCompletedMs: Math.round(taskDone ?? inCatalog),
    inCatalogMs: Math.round(inCatalog),
  });
  process.stderr.write(
    `run ${i + 1}: task ${Math.round(
      taskDone ?? 0,
    )} ms, in catalog ${Math.round(inCatalog)} ms\n`,
  );
}

const sorted = results.map(r => r.inCatalogMs).sort((a, b) => a - b);
const pct = p =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores`,
      runs,
      create_to_catalog_ms: {
        median: pct(50),
        p90: pct(90),
        min: sorted[0],
        max: sorted[sorted.length - 1],
      },
      task_completed_median_ms: results
        .map(r => r.taskCompletedMs)
        .sort((a, b) => a - b)[Math.floor(runs / 2)],
      results,
    },
    null,
    2,
  ),
);
