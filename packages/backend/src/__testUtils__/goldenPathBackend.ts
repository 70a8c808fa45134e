import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import githostPlugin, {
  githostUrlReaderServiceFactory,
} from '@internal/plugin-githost-backend';
import scaffolderGithostModule from '@internal/plugin-scaffolder-backend-module-githost';
import scaffolderGoldenPathsModule from '@internal/plugin-scaffolder-backend-module-golden-paths';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.resolve(__dirname, '../__fixtures__');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The static token the tests call the backend with (a service principal). */
export const TEST_TOKEN = 'golden-path-tests-0123456789abcdef';

/**
 * The embedded default's golden-path wiring, for real runs: a real backend
 * (createBackend, real auth and HTTP server, in-memory SQLite) with the catalog
 * (the templates and a taken name), the Scaffolder with the golden-path
 * modules, the local git host in a temporary folder and its UrlReader. It
 * listens on a known port, because the git host's URLs name the backend.
 *
 * `refuseComponentsFromUrls` makes the catalog refuse every Component read
 * from a URL, as an operator's `catalog.rules` can: a registration that fails.
 * `github` is the `integrations.github` entry (e.g. the stand-in's), for runs
 * of the production path.
 */
export async function startGoldenPathBackend(
  options: {
    refuseComponentsFromUrls?: boolean;
    github?: {
      host: string;
      apiBaseUrl?: string;
      rawBaseUrl?: string;
      token?: string;
    };
  } = {},
) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const githostDir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'golden-githost-'),
  );
  const backend = createBackend();
  const features = [
    // Quiet test output; the task log the tests read is the Scaffolder's own.
    mockServices.rootLogger.factory(),
    mockServices.rootConfig.factory({
      data: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          baseUrl,
          listen: { port },
          database: { client: 'better-sqlite3', connection: ':memory:' },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TEST_TOKEN, subject: 'golden-path-tests' },
              },
            ],
          },
        },
        integrations: {
          github: [options.github ?? { host: 'github.com', token: 'unused' }],
        },
        githost: { directory: githostDir },
        catalog: {
          rules: [
            {
              allow: options.refuseComponentsFromUrls
                ? ['Template', 'Location']
                : ['Template', 'Location', 'Component'],
            },
          ],
          locations: [
            {
              type: 'file',
              target: path.join(repoRoot, 'templates/*/template.yaml'),
            },
            {
              type: 'file',
              target: path.join(fixtures, 'templates/*/template.yaml'),
            },
            {
              type: 'file',
              target: path.join(fixtures, 'taken-name/catalog-info.yaml'),
              rules: [{ allow: ['Component'] }],
            },
          ],
        },
      },
    }),
    catalogPlugin,
    catalogModuleScaffolderEntityModel,
    scaffolderPlugin,
    scaffolderGithubModule,
    scaffolderGithostModule,
    scaffolderGoldenPathsModule,
    githostPlugin,
    githostUrlReaderServiceFactory,
  ];
  for (const feature of features) backend.add(feature);
  await backend.start();
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text };
  };
  return {
    baseUrl,
    githostDir,
    api,
    async stop() {
      await backend.stop();
      await fs.rm(githostDir, { recursive: true, force: true });
    },
  };
}

export type GoldenPathBackend = Awaited<
  ReturnType<typeof startGoldenPathBackend>
>;

/** Polls until `fn` returns something, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Waits until the catalog has the templates (its first pass over the files). */
export async function waitForTemplates(
  host: GoldenPathBackend,
  names: string[],
) {
  for (const name of names) {
    await eventually(`template ${name} in the catalog`, async () => {
      const res = await host.api(
        'GET',
        `/api/catalog/entities/by-name/template/default/${name}`,
      );
      return res.status === 200 ? true : undefined;
    });
  }
}

/**
 * Runs a template for real, as pressing create does (POST /v2/tasks), and
 * returns the finished task with its log.
 */
export async function runTemplate(
  host: GoldenPathBackend,
  template: string,
  values: object,
  secrets: Record<string, string> = {},
) {
  const created = await host.api('POST', '/api/scaffolder/v2/tasks', {
    templateRef: `template:default/${template}`,
    values,
    secrets,
  });
  if (created.status !== 201) {
    throw new Error(`Task not created: ${created.status} ${created.text}`);
  }
  const id = created.body.id;
  const task = await eventually(
    `task ${id} to finish`,
    async () => {
      const res = await host.api('GET', `/api/scaffolder/v2/tasks/${id}`);
      return ['completed', 'failed', 'cancelled'].includes(res.body.status)
        ? res.body
        : undefined;
    },
    180_000,
  );
  const events = await host.api('GET', `/api/scaffolder/v2/tasks/${id}/events`);
  const log = (events.body as any[]).map(e => e.body?.message ?? '').join('\n');
  return {
    id,
    task,
    events: events.body as any[],
    eventsText: events.text,
    log,
  };
}

/** Every repository folder on the host's disk, including hidden leftovers. */
/** The message a task ended with, as the task page shows it. */
export function failureOf(run: Awaited<ReturnType<typeof runTemplate>>) {
  const completion = run.events.find(e => e.type === 'completion');
  return completion?.body?.error?.message as string;
}

export async function filesOnHost(host: GoldenPathBackend): Promise<string[]> {
  const owners = await fs.readdir(host.githostDir).catch(() => []);
  const all: string[] = [];
  for (const owner of owners) {
    for (const entry of await fs.readdir(path.join(host.githostDir, owner))) {
      all.push(`${owner}/${entry}`);
    }
  }
  return all.sort();
}

/** Catalog location targets that point at the local git host. */
export async function githostLocations(
  host: GoldenPathBackend,
): Promise<string[]> {
  const res = await host.api('GET', '/api/catalog/locations');
  return (res.body as any[])
    .map(l => l.data.target as string)
    .filter(t => t.includes('/api/githost/'))
    .sort();
}
