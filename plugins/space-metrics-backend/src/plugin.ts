import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { spaceMetricsPermissions } from '@internal/plugin-space-metrics-common';
import { readSettings } from './config';
import { migrateUp } from './database/migrate';
import { DatabaseSurveyStore } from './database/SurveyStore';
import { DatabaseDeploymentStore } from './database/DeploymentStore';
import { DatabaseAdoptionStore } from './database/AdoptionStore';
import { DatabaseUsageStore } from './database/UsageStore';
import { MetaStore } from './database/MetaStore';
import { MembershipStore } from './database/MembershipStore';
import { MembershipOrgSource } from './services/MembershipOrgSource';
import { CatalogOrgSource } from './services/CatalogOrgSource';
import { SurveyService } from './services/SurveyService';
import { NpsService } from './services/NpsService';
import { TtfdService } from './services/TtfdService';
import { AdoptionService } from './services/AdoptionService';
import { UsageService } from './services/UsageService';
import { DeploymentService } from './services/DeploymentService';
import { CatalogCollector } from './collectors/CatalogCollector';
import { ScaffolderCollector } from './collectors/ScaffolderCollector';
import { createDeploymentCollectors } from './collectors/deploymentCollectors';
import { DemoSeeder } from './demo/DemoSeeder';
import { createRouter } from './router';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 15 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

/**
 * SPACE metrics: the developer NPS survey, time to first deploy, Scaffolder
 * adoption and portal usage, served at /api/space-metrics.
 */
export const spaceMetricsPlugin = createBackendPlugin({
  pluginId: 'space-metrics',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, auth, catalog } = deps;
        const settings = readSettings(config);
        const db = await deps.database.getClient();
        if (!deps.database.migrations?.skip) await migrateUp(db);
        deps.permissionsRegistry.addPermissions(spaceMetricsPermissions);

        const meta = new MetaStore(db);
        const surveyStore = new DatabaseSurveyStore(db);
        const deploymentStore = new DatabaseDeploymentStore(db);
        const adoptionStore = new DatabaseAdoptionStore(db);
        const usageStore = new DatabaseUsageStore(db);
        const memberships = new MembershipStore(db);
        // GitHub membership dates fill in start dates the User entities lack.
        const org = new MembershipOrgSource(
          new CatalogOrgSource(catalog, auth, logger),
          memberships,
        );
        const isDemo = async () => Boolean(await meta.get('demo-seeded-at'));

        const usage = new UsageService(usageStore, meta, org, settings, logger);
        const componentLookup = {
          async exists(ref: string) {
            const credentials = await auth.getOwnServiceCredentials();
            return Boolean(await catalog.getEntityByRef(ref, { credentials }));
          },
        };
        const deployments = new DeploymentService(
          deploymentStore,
          componentLookup,
          org,
        );

        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            org,
            survey: new SurveyService(surveyStore, org, settings),
            nps: new NpsService(surveyStore, org, settings.threshold, isDemo),
            ttfd: new TtfdService(
              deploymentStore,
              org,
              settings.threshold,
              isDemo,
            ),
            adoption: new AdoptionService(adoptionStore, org, isDemo),
            usage,
            deployments,
            isDemo,
          }),
        );

        const schedule = config.has('spaceMetrics.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('spaceMetrics.schedule'),
            )
          : DEFAULT_SCHEDULE;
        const collectors: { id: string; run: () => Promise<void> }[] = [
          {
            id: 'catalog',
            run: () =>
              new CatalogCollector(
                catalog,
                auth,
                adoptionStore,
                meta,
                logger,
              ).run(),
          },
          {
            id: 'scaffolder',
            run: () =>
              new ScaffolderCollector(
                deps.discovery,
                auth,
                adoptionStore,
                logger,
              ).run(),
          },
          ...createDeploymentCollectors({
            config,
            catalog,
            auth,
            store: deploymentStore,
            memberships,
            meta,
            org,
            logger,
          }),
          { id: 'usage-rollup', run: () => usage.rollup() },
        ];
        for (const collector of collectors) {
          await scheduler.scheduleTask({
            id: `space-metrics-${collector.id}`,
            scope: 'global',
            ...schedule,
            fn: async () => {
              try {
                await collector.run();
              } catch (error) {
                // One collector down (Argo CD unreachable, say) leaves the others running.
                logger.warn(
                  `space-metrics ${collector.id} collector failed: ${error}`,
                );
              }
            },
          });
        }

        const seeder = new DemoSeeder({
          db,
          meta,
          survey: surveyStore,
          deployments: deploymentStore,
          adoption: adoptionStore,
          usageStore,
          usage,
          loadOrg: () => org.refresh(),
          logger,
          components: async () => {
            const { items } = await catalog.getEntities(
              {
                filter: { kind: 'Component' },
                fields: [
                  'kind',
                  'metadata.name',
                  'metadata.namespace',
                  'spec.owner',
                ],
              },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return items.map(c => ({
              ref: stringifyEntityRef(c),
              ownerRef:
                typeof c.spec?.owner === 'string'
                  ? stringifyEntityRef({
                      kind: 'group',
                      namespace: 'default',
                      name: String(c.spec.owner).replace(
                        /^group:(default\/)?/,
                        '',
                      ),
                    })
                  : undefined,
            }));
          },
        });
        if (settings.demoData) {
          // Waits for the catalog to hold the demo organisation, then seeds
          // once. The first look is after the busiest seconds of a start (the
          // catalog's first ingestion and the docs prebuild), so the seed's
          // writes do not slow them down.
          await scheduler.scheduleTask({
            id: 'space-metrics-demo-seed',
            scope: 'global',
            frequency: { seconds: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 20 },
            fn: async () => {
              await seeder.seed();
            },
          });
        } else {
          await seeder.remove();
        }
      },
    });
  },
});
