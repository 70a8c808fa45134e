import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { coveragePermissions } from '@internal/plugin-coverage-common';
import {
  CoverageRepositoryHost,
  CoverageSource,
  coverageSourcesExtensionPoint,
} from '@internal/plugin-coverage-node';
import { gitHostServiceRef } from '@internal/plugin-githost-node';
import { readSettings } from './config';
import { migrateUp } from './database/migrate';
import { SnapshotStore } from './database/SnapshotStore';
import { CatalogAccess } from './service/CatalogAccess';
import { CoverageService } from './service/CoverageService';
import { GitHostRepositoryHost } from './service/GitHostRepositoryHost';
import { InventorySource } from './service/InventorySource';
import { OwnerGuesser } from './service/OwnerGuesser';
import { SnapshotService } from './service/SnapshotService';
import { TechDocsStatus } from './service/TechDocsStatus';
import { seedDemoRepositories } from './demo/seedDemoRepositories';
import { createRouter } from './router';

/**
 * Catalog coverage, served at /api/coverage: production services from the
 * sources that modules add (and the built-in inventory file), matched to the
 * catalog, measured, and stored as one snapshot a day.
 */
export const coveragePlugin = createBackendPlugin({
  pluginId: 'coverage',
  register(env) {
    const sources: CoverageSource[] = [];
    const hosts: CoverageRepositoryHost[] = [];
    env.registerExtensionPoint(coverageSourcesExtensionPoint, {
      addSource(source) {
        if (sources.some(s => s.id === source.id)) {
          throw new Error(
            `A coverage source with id '${source.id}' is already added`,
          );
        }
        sources.push(source);
      },
      addRepositoryHost(host) {
        hosts.push(host);
      },
    });

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
        gitHost: gitHostServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, discovery } = deps;
        const settings = readSettings(config);
        const db = await deps.database.getClient();
        if (!deps.database.migrations?.skip) await migrateUp(db);
        deps.permissionsRegistry.addPermissions(coveragePermissions);

        const allSources = [
          ...(settings.inventoryFile
            ? [new InventorySource(settings.inventoryFile)]
            : []),
          ...sources,
        ];
        const allHosts = [...hosts];
        if (settings.gitHostOwners.length) {
          allHosts.push(
            new GitHostRepositoryHost({
              gitHost: deps.gitHost,
              owners: settings.gitHostOwners,
              baseUrl: await discovery.getExternalBaseUrl('githost'),
            }),
          );
        }
        if (allSources.length === 0) {
          logger.warn(
            'coverage has no source of production services: add the GitHub, Argo CD or PagerDuty module, or set coverage.inventory.file',
          );
        }

        const store = new SnapshotStore(db);
        const catalog = new CatalogAccess(deps.catalog, auth);
        const docs = new TechDocsStatus({ discovery, auth, logger });
        const owners = new OwnerGuesser(allHosts, logger);
        const fixUrl = (check: string) => `${settings.docsUrl}#${check}`;
        const snapshots = new SnapshotService({
          store,
          sources: allSources,
          loadEntities: () => catalog.loadAll(),
          docs,
          owners,
          settings: { ...settings, fixUrl },
          logger,
          prepare: settings.demoRepositories
            ? async () => {
                await seedDemoRepositories(deps.gitHost, logger);
              }
            : undefined,
        });
        const coverage = new CoverageService({
          store,
          catalog,
          docs,
          owners,
          fixUrl,
        });

        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            coverage,
            snapshots,
          }),
        );

        await deps.scheduler.scheduleTask({
          id: 'coverage-snapshot',
          scope: 'global',
          ...settings.schedule,
          fn: async () => {
            await snapshots.take();
          },
        });
      },
    });
  },
});
