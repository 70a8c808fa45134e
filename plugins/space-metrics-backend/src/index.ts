/**
 * SPACE metrics backend: the developer NPS survey, time to first deploy,
 * Scaffolder adoption and portal usage.
 *
 * @packageDocumentation
 */
export { spaceMetricsPlugin as default } from './plugin';
export { START_DATE_ANNOTATION } from './services/CatalogOrgSource';
