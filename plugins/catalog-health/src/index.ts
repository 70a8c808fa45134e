/**
 * Catalog health page (new frontend system).
 *
 * @packageDocumentation
 */
export { catalogHealthPlugin as default } from './plugin';
export { catalogHealthApiRef } from './api';
