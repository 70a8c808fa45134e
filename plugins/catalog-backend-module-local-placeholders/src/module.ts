import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { localPlaceholderResolvers } from './resolvers';

/**
 * Replaces the catalog's `$text`/`$yaml`/`$json` resolvers with ones that also
 * resolve relative paths in catalog files read from disk (the embedded demo
 * organisation, a local checkout of real repositories), confined to each file's
 * folder. URL locations behave exactly as before.
 */
export const catalogModuleLocalPlaceholders = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-placeholders',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        for (const [key, resolver] of Object.entries(
          localPlaceholderResolvers,
        )) {
          catalog.addPlaceholderResolver(key, resolver);
        }
      },
    });
  },
});
