import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  CoverageRepositoryHost,
  CoverageSource,
  coverageSourcesExtensionPoint,
} from '@internal/plugin-coverage-node';

/**
 * A stand-in for the coverage plugin in module tests: it provides the
 * extension point and keeps what modules add, so a test can start a backend
 * with one source module and call the sources it registered.
 */
export function captureCoverageSources() {
  const sources: CoverageSource[] = [];
  const hosts: CoverageRepositoryHost[] = [];
  const plugin = createBackendPlugin({
    pluginId: 'coverage',
    register(env) {
      env.registerExtensionPoint(coverageSourcesExtensionPoint, {
        addSource: source => sources.push(source),
        addRepositoryHost: host => hosts.push(host),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  return { plugin, sources, hosts };
}
