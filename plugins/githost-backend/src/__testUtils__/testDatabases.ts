import { TestDatabases } from '@backstage/backend-test-utils';

/** SQLite and PostgreSQL 15; in CI a missing PostgreSQL is an error, never a skip. */
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

/** A file for a commit request. */
export const textFile = (path: string, text: string, executable?: boolean) => ({
  path,
  base64Content: Buffer.from(text).toString('base64'),
  ...(executable ? { executable } : {}),
});
