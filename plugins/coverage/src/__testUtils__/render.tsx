import { ReactElement } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { coverageApiRef } from '../api';
import { FakeCoverageClient } from './FakeCoverageClient';

/** The backend as these tests see it: plugins under http://backend.test/api/<id>. */
export const backendBase = 'http://backend.test/api';

/**
 * Renders a coverage component in a test app that has entity pages and the
 * given client. Other backend calls (the local git host's API) are answered
 * from `responses`, keyed by URL.
 */
export function renderWithClient(
  element: ReactElement,
  client: FakeCoverageClient,
  responses: Record<string, unknown> = {},
) {
  const fetchApi = {
    fetch: async (input: RequestInfo | URL) => {
      const url = String(input);
      return url in responses
        ? new Response(JSON.stringify(responses[url]), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          })
        : new Response(
            JSON.stringify({
              error: { name: 'NotFoundError', message: `no ${url} in test` },
            }),
            { status: 404, headers: { 'content-type': 'application/json' } },
          );
    },
  };
  return renderInTestApp(element, {
    apis: [
      [coverageApiRef, client],
      [
        discoveryApiRef,
        { getBaseUrl: async (id: string) => `${backendBase}/${id}` },
      ],
      [fetchApiRef, fetchApi as { fetch: typeof fetch }],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
