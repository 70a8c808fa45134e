// @ts-check

/**
 * The coverage plugin's tables: one snapshot per UTC day, the organisation's
 * and every scope's ratios per day (the trend), the latest snapshot's
 * entities (team views), each source's last good list (used when the source
 * is down) and the pull requests opened from the dashboard.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('coverage_snapshots', table => {
    table.string('day', 10).primary().comment('UTC day, YYYY-MM-DD');
    table.string('taken_at', 30).notNullable();
    table.string('content_hash', 64).notNullable();
    table.text('report').notNullable().comment('CoverageReport as JSON');
    table.text('missing').notNullable().comment('MissingRepository[] as JSON');
  });
  await knex.schema.createTable('coverage_scope_days', table => {
    table.string('day', 10).notNullable();
    table.string('scope_ref', 255).notNullable();
    for (const measure of [
      'coverage',
      'ownership',
      'documentation',
      'operability',
      'hygiene',
    ]) {
      table.double(measure).nullable();
    }
    table.text('missing_sources').notNullable();
    table.primary(['day', 'scope_ref']);
    table.index(['scope_ref', 'day']);
  });
  await knex.schema.createTable('coverage_entities', table => {
    table.string('entity_ref', 255).primary();
    table.string('owner_ref', 255).nullable().index();
    table.text('data').notNullable().comment('EntityCompleteness as JSON');
  });
  await knex.schema.createTable('coverage_source_records', table => {
    table.string('source_id', 100).primary();
    table.string('fetched_at', 30).notNullable();
    table.text('records').notNullable();
  });
  await knex.schema.createTable('coverage_pull_requests', table => {
    table.string('repo_slug', 255).primary();
    table.string('host', 50).notNullable();
    table.text('url').notNullable();
    table.string('branch', 255).notNullable();
    table.string('created_at', 30).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'coverage_pull_requests',
    'coverage_source_records',
    'coverage_entities',
    'coverage_scope_days',
    'coverage_snapshots',
  ]) {
    await knex.schema.dropTable(table);
  }
};
