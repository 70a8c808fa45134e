/**
 * The adoption dashboard (SPACE metrics), the quarterly survey prompt and the
 * portal's analytics collector (new frontend system).
 *
 * @packageDocumentation
 */
export { spaceMetricsPlugin as default } from './plugin';
export { spaceMetricsApiRef } from './api';
export { SpaceAnalytics } from './analytics/SpaceAnalytics';
