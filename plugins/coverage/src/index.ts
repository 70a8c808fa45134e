/**
 * Catalog coverage (new frontend system): the platform team's dashboard at
 * /coverage, the completeness card on every entity page, and a team's view on
 * its Group page.
 *
 * @packageDocumentation
 */
export { coveragePlugin as default } from './plugin';
export { coverageApiRef } from './api';
export type { CoverageApi } from './api';
