/**
 * The local git host as a backend service, for other backend plugins.
 *
 * @packageDocumentation
 */
export { gitHostServiceRef } from './gitHostService';
export type { GitHostService } from './gitHostService';
