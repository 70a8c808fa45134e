import { ReactElement } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { coverageApiRef } from '../api';
import { FakeCoverageClient } from './FakeCoverageClient';

/** Renders a coverage component in a test app that has entity pages and the given client. */
export function renderWithClient(
  element: ReactElement,
  client: FakeCoverageClient,
) {
  return renderInTestApp(element, {
    apis: [[coverageApiRef, client]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
