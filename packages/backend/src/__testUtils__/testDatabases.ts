import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every backend test runs on: SQLite (the embedded default) and
 * PostgreSQL 15 (production). `./portal test` points PostgreSQL at the machine's
 * server; in CI a missing connection string is an error, never a silent skip.
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
