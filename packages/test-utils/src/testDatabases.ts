import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

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

/**
 * A database service that gives each plugin a database of its own on the
 * chosen engine, as production does (one database per plugin). Needed when a
 * test backend runs several plugins that each migrate their own tables.
 */
export function perPluginDatabases(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory() {
      const knex = await databases.init(databaseId);
      return { getClient: async () => knex };
    },
  });
}
