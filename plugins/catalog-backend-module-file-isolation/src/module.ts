import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PerFileLocationProcessor } from './PerFileLocationProcessor';

/**
 * One broken catalog file breaks only itself: glob locations (on disk and in
 * repositories) are read as one location per file.
 */
export const catalogModuleFileIsolation = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'file-isolation',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        reader: coreServices.urlReader,
      },
      async init({ catalog, reader }) {
        catalog.addProcessor(new PerFileLocationProcessor(reader));
      },
    });
  },
});
