import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { SpaceMetricsClient } from '@internal/plugin-space-metrics-common';

/** The SPACE metrics client, as a frontend API. */
export const spaceMetricsApiRef = createApiRef<SpaceMetricsClient>({
  id: 'plugin.space-metrics.client',
});

export const spaceMetricsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: spaceMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SpaceMetricsClient({ discoveryApi, fetchApi }),
    }),
});
