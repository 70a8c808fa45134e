import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { CatalogHealthClient } from '@internal/plugin-catalog-health-common';

/** The catalog-health client, as a frontend API. */
export const catalogHealthApiRef = createApiRef<CatalogHealthClient>({
  id: 'plugin.catalog-health.client',
});

export const catalogHealthApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogHealthClient({ discoveryApi, fetchApi }),
    }),
});
