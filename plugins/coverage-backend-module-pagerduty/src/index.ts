/**
 * Coverage from PagerDuty: its services as a source of production services.
 *
 * @packageDocumentation
 */
export { coverageModulePagerDuty as default } from './module';
export { PagerDutyCoverageSource } from './PagerDutyCoverageSource';
