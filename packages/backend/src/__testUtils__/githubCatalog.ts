import request from 'supertest';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleGithub from '@backstage/plugin-catalog-backend-module-github';
import catalogModuleGithubOrg from '@backstage/plugin-catalog-backend-module-github-org';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import eventsPlugin from '@backstage/plugin-events-backend';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import catalogModuleFileIsolation from '@internal/plugin-catalog-backend-module-file-isolation';
import catalogModuleHealth from '@internal/plugin-catalog-backend-module-health';
import { ACME_PAY_ORG, GithubStandin } from '@internal/standins';
import path from 'node:path';
import { catalogRules } from './appConfig';

/**
 * The GitHub events module's default export loads its two modules (webhook
 * ingress with signature check, event router) through dynamic `import()`,
 * which Jest cannot run; load the same two modules by their files.
 */
function eventsModuleGithubParts() {
  const dist = path.dirname(
    require.resolve('@backstage/plugin-events-backend-module-github'),
  );
  return ['eventsModuleGithubWebhook', 'eventsModuleGithubEventRouter'].map(
    name =>
      // eslint-disable-next-line @backstage/no-relative-monorepo-imports
      require(path.join(dist, 'service', `${name}.cjs.js`)).default,
  );
}

export const WEBHOOK_SECRET = 'stand-in-webhook-secret';

/** Task ids of the providers configured below. */
export const TASKS = {
  repos: 'github-provider:acmePay:refresh',
  realworld: 'github-provider:realworld:refresh',
  org: 'GithubMultiOrgEntityProvider:acme-pay:refresh',
  /** The catalog's own cleanup of entities whose location went away. */
  orphans: 'catalog_orphan_cleanup',
};

/**
 * The production events service (one bus for all plugins: the test backend's
 * default gives each plugin its own, so a webhook received by the events plugin
 * would never reach the catalog), except that an event published while the
 * backend shuts down is dropped: the catalog's processing loop still reports
 * errors as the test backend stops, which would fail the test after its end.
 */
const sharedEventsService = createServiceFactory({
  service: eventsServiceRef,
  deps: {
    pluginMetadata: coreServices.pluginMetadata,
    rootLogger: coreServices.rootLogger,
    discovery: coreServices.discovery,
    logger: coreServices.logger,
    lifecycle: coreServices.lifecycle,
    auth: coreServices.auth,
    config: coreServices.rootConfig,
  },
  async createRootContext({ rootLogger, config }) {
    return DefaultEventsService.create({ logger: rootLogger, config });
  },
  async factory({ pluginMetadata, ...deps }, root) {
    const events = root.forPlugin(pluginMetadata.getId(), deps);
    return {
      subscribe: options => events.subscribe(options),
      async publish(params) {
        try {
          await events.publish(params);
        } catch (error) {
          if (!/shutting down/.test(String(error))) throw error;
        }
      },
    };
  },
});

const manual = {
  frequency: { trigger: 'manual' },
  timeout: { minutes: 5 },
};

/**
 * The catalog configured as app-config.production.yaml configures it for
 * GitHub (discovery, the organisation's teams and people, push webhooks), but
 * pointed at the stand-in and with runs triggered by the test.
 */
export function githubCatalogConfig(
  standin: GithubStandin,
  options: { processingIntervalSeconds?: number } = {},
) {
  return {
    integrations: { github: [standin.integrationConfig()] },
    events: {
      modules: { github: { webhookSecret: WEBHOOK_SECRET } },
      // One process: the in-process bus reaches every plugin, and no long-poll
      // of the HTTP event bus outlives the test backend.
      useEventBus: 'never',
    },
    catalog: {
      // Re-read every entity every couple of seconds, so a test sees the
      // catalog catch up without waiting the production interval.
      processingInterval: { seconds: options.processingIntervalSeconds ?? 2 },
      rules: catalogRules(),
      providers: {
        github: {
          acmePay: {
            organization: ACME_PAY_ORG,
            catalogPath: '/catalog-info.yaml',
            filters: { repository: '(?!rw-).*' },
            schedule: manual,
          },
          // The real-world corpus: every YAML file of those repositories.
          realworld: {
            organization: ACME_PAY_ORG,
            catalogPath: '/**/*.{yaml,yml}',
            filters: { repository: 'rw-.*' },
            schedule: manual,
          },
        },
        githubOrg: {
          id: ACME_PAY_ORG,
          githubUrl: 'https://github.com',
          orgs: [ACME_PAY_ORG],
          schedule: manual,
        },
      },
    },
  };
}

/** Starts the catalog against the stand-in, on the given database. */
export async function startGithubCatalog(options: {
  standin: GithubStandin;
  /** Each plugin's database (default: the test backend's SQLite in memory). */
  database?: ServiceFactory;
  /** How often the catalog re-reads every entity (default 2 s). */
  processingIntervalSeconds?: number;
}) {
  let scheduler: SchedulerService | undefined;
  const schedulerHandle = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-scheduler-handle',
    register(reg) {
      reg.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      schedulerHandle,
      catalogPlugin,
      catalogModuleGithub,
      catalogModuleGithubOrg,
      catalogModuleScaffolderEntityModel,
      catalogModuleFileIsolation,
      catalogModuleHealth,
      eventsPlugin,
      ...eventsModuleGithubParts(),
      ...(options.database ? [options.database] : []),
      sharedEventsService,
      mockServices.rootConfig.factory({
        data: githubCatalogConfig(options.standin, options),
      }),
    ],
  });
  const { server } = backend;

  return {
    backend,
    server,
    stop: () => backend.stop(),

    /**
     * Runs a provider once, now, and returns when the run has ended. (The test
     * backend's scheduler runs a triggered task to its end before answering.)
     */
    async run(taskId: string) {
      if (!scheduler) throw new Error('the catalog scheduler is not captured');
      await scheduler.triggerTask(taskId);
    },

    async entity(ref: string) {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.includes('/')
        ? rest.split('/')
        : ['default', rest];
      const res = await request(server).get(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
      return res.status === 200 ? res.body : undefined;
    },

    async refs(filter?: string): Promise<string[]> {
      const res = await request(server)
        .get('/api/catalog/entities/by-query')
        .query({
          ...(filter ? { filter } : {}),
          limit: 10000,
          fields: 'kind,metadata.namespace,metadata.name',
        });
      return (res.body.items as any[])
        .map(
          e =>
            `${e.kind.toLowerCase()}:${e.metadata.namespace}/${
              e.metadata.name
            }`,
        )
        .sort();
    },

    async problems() {
      const res = await request(server).get('/api/catalog/health/problems');
      return res.body.problems as {
        entityRef: string;
        source?: string;
        sourceUrl?: string;
        inCatalog: boolean;
        errors: { name: string; message: string }[];
      }[];
    },
  };
}

export type GithubCatalog = Awaited<ReturnType<typeof startGithubCatalog>>;

/** Polls until `probe` answers something, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last}` : ''}`,
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}
