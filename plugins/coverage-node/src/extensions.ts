import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CoverageRepositoryHost, CoverageSource } from './sources';

/** Lets modules add sources of production services and repository hosts. */
export interface CoverageSourcesExtensionPoint {
  addSource(source: CoverageSource): void;
  addRepositoryHost(host: CoverageRepositoryHost): void;
}

export const coverageSourcesExtensionPoint =
  createExtensionPoint<CoverageSourcesExtensionPoint>({
    id: 'coverage.sources',
  });
