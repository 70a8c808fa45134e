import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { InvalidDocumentProcessor } from './InvalidDocumentProcessor';
import { createIsolatingParser } from './isolatingParser';
import { createEntityOwnerLookup } from './entityOwners';
import { PerFileLocationProcessor } from './PerFileLocationProcessor';

/**
 * One broken catalog file breaks only itself, and one broken document only
 * itself: glob locations (on disk and in repositories) are read as one location
 * per file, and a document that cannot be an entity becomes a location of its
 * own that carries the error, so the valid documents beside it are ingested.
 */
export const catalogModuleFileIsolation = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'file-isolation',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        reader: coreServices.urlReader,
      },
      async init({ catalog, model, config, database, reader }) {
        catalog.addProcessor(
          new PerFileLocationProcessor(reader),
          new InvalidDocumentProcessor(),
        );
        model.setEntityDataParser(
          createIsolatingParser({
            enableYamlMerge: config.getOptionalBoolean(
              'catalog.enableYamlMerge',
            ),
            owners: createEntityOwnerLookup(await database.getClient()),
          }),
        );
      },
    });
  },
});
