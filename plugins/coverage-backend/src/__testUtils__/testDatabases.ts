export { createTestDatabases } from '@internal/test-utils';
