import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-space-metrics-backend',
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

/** Deletes every row the demo seed made. */
export async function deleteDemoData(db: Knex): Promise<void> {
  await db.transaction(async tx => {
    // Not left to ON DELETE CASCADE: SQLite enforces foreign keys only when asked.
    await tx('deployment_authors')
      .whereIn(
        'deployment_id',
        tx('deployments').where({ source: 'demo' }).select('id'),
      )
      .delete();
    for (const table of [
      'survey_answers',
      'deployments',
      'components_seen',
      'templates',
      'scaffolder_tasks',
      'usage_events',
      'usage_daily',
      'usage_monthly',
      'usage_active',
    ]) {
      await tx(table).where({ source: 'demo' }).delete();
    }
    await tx('space_meta').where({ key: 'demo-seeded-at' }).delete();
  });
}
