import {
  ApiBlueprint,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { CoverageClient } from '@internal/plugin-coverage-common';

/** What the coverage pages use of the backend: every public route of CoverageClient. */
export type CoverageApi = Pick<
  CoverageClient,
  | 'getReport'
  | 'getTrend'
  | 'getMissing'
  | 'getTeam'
  | 'getEntityCompleteness'
  | 'createPullRequest'
  | 'takeSnapshot'
  | 'exportCsv'
>;

/** The coverage backend's client, as a frontend API. */
export const coverageApiRef = createApiRef<CoverageApi>({
  id: 'plugin.coverage.client',
});

export const coverageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: coverageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CoverageClient({ discoveryApi, fetchApi }),
    }),
});
