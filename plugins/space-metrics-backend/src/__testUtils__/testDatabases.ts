import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite (the embedded default) and PostgreSQL 15 (production), as in the
 * backend's tests. In CI a missing PostgreSQL is an error, never a skip.
 */
export function createTestDatabases() {
  if (
    process.env.CI &&
    !process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set: the PostgreSQL tests would be skipped. Run the tests through ./portal test.',
    );
  }
  return TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
}
