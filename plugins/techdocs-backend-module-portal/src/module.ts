import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { techdocsGeneratorExtensionPoint } from '@backstage/plugin-techdocs-node';
import { SafeTechdocsGenerator } from './SafeTechdocsGenerator';
import { addPortalMkdocsPluginToPythonPath } from './pythonPath';

/**
 * TechDocs on machines without Docker or PyPI: docs are built by the local
 * MkDocs (Debian's package), with the portal's own `techdocs-core` plugin, and
 * every mkdocs.yml is checked before MkDocs runs.
 */
export const techdocsModulePortal = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'portal-generator',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        generator: techdocsGeneratorExtensionPoint,
      },
      async init({ config, logger, generator }) {
        addPortalMkdocsPluginToPythonPath();
        generator.setTechdocsGenerator(
          new SafeTechdocsGenerator({
            logger,
            config,
            scmIntegrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
