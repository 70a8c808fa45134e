import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techdocsGeneratorExtensionPoint } from '@backstage/plugin-techdocs-node';
import { SafeTechdocsGenerator } from './SafeTechdocsGenerator';
import { addPortalMkdocsPluginToPythonPath } from './pythonPath';
import { DocsPrebuilder } from './DocsPrebuilder';

const DEFAULT_PREBUILD_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 10 },
};

const DEFAULT_NEW_DOCS_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 20 },
};

/**
 * TechDocs on machines without Docker or PyPI: docs are built by the local
 * MkDocs (Debian's package), with the portal's own `techdocs-core` plugin;
 * every mkdocs.yml is checked before MkDocs runs; and docs are built ahead of
 * time so they open at once and are searchable.
 */
export const techdocsModulePortal = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'portal-generator',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        generator: techdocsGeneratorExtensionPoint,
      },
      async init({
        config,
        logger,
        scheduler,
        auth,
        discovery,
        catalog,
        generator,
      }) {
        addPortalMkdocsPluginToPythonPath();
        generator.setTechdocsGenerator(
          new SafeTechdocsGenerator({
            logger,
            config,
            scmIntegrations: ScmIntegrations.fromConfig(config),
          }),
        );

        const builder = config.getOptionalString('techdocs.builder') ?? 'local';
        const enabled =
          config.getOptionalBoolean('techdocs.prebuild.enabled') ?? true;
        if (builder !== 'local' || !enabled) {
          logger.info(
            `Docs prebuild is off (techdocs.builder: ${builder}, techdocs.prebuild.enabled: ${enabled})`,
          );
          return;
        }
        const readSchedule = (
          key: string,
          fallback: SchedulerServiceTaskScheduleDefinition,
        ) =>
          config.has(key)
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig(key),
              )
            : fallback;
        const schedule = readSchedule(
          'techdocs.prebuild.schedule',
          DEFAULT_PREBUILD_SCHEDULE,
        );
        const prebuilder = new DocsPrebuilder({
          catalog,
          auth,
          discovery,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'techdocs_prebuild',
          // One pass across all replicas: builds are published to shared storage.
          scope: 'global',
          ...schedule,
          // The search plugin indexes the built docs on its own schedule
          // (search.collators.techdocs.schedule); a plugin's scheduler cannot
          // trigger another plugin's task.
          fn: async () => {
            await prebuilder.run();
          },
        });
        // Docs of entities that arrived since (a new service, the catalog's
        // first load finishing after the first pass) are built within a minute.
        await scheduler.scheduleTask({
          id: 'techdocs_prebuild_new',
          scope: 'global',
          ...readSchedule(
            'techdocs.prebuild.newDocsSchedule',
            DEFAULT_NEW_DOCS_SCHEDULE,
          ),
          fn: async () => {
            await prebuilder.run({ onlyNew: true });
          },
        });
      },
    });
  },
});
