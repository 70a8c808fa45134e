/**
 * Coverage from Argo CD: its applications as a source of production services.
 *
 * @packageDocumentation
 */
export { coverageModuleArgoCd as default } from './module';
export { ArgoCdCoverageSource } from './ArgoCdCoverageSource';
