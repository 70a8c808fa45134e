export { createTestDatabases, perPluginDatabases } from '@internal/test-utils';
