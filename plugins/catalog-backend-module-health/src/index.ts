/**
 * Catalog health: files that failed to ingest, with their reasons.
 *
 * @packageDocumentation
 */
export { catalogModuleHealth as default } from './module';
export { DatabaseProblemStore, describeSource } from './ProblemStore';
export type { ProblemStore } from './ProblemStore';
