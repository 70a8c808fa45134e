/**
 * What the portal's backend tests share.
 *
 * @packageDocumentation
 */
export { createTestDatabases, perPluginDatabases } from './testDatabases';
export { captureCoverageSources } from './coverageSources';
export { permissionsDenying, serveRouter } from './routerApp';
