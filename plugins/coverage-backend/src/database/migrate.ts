import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-coverage-backend',
  'migrations',
);

/** Brings the plugin's tables up to date. */
export async function migrateUp(db: Knex): Promise<void> {
  await db.migrate.latest({ directory: migrationsDir });
}

/** Removes the plugin's tables (tests prove the migrations go down cleanly). */
export async function migrateDown(db: Knex): Promise<void> {
  await db.migrate.rollback({ directory: migrationsDir }, true);
}
