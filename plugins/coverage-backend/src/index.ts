/**
 * Coverage backend: how much of production the catalog covers, and how
 * complete the covered entities are.
 *
 * @packageDocumentation
 */
export { coveragePlugin as default } from './plugin';
