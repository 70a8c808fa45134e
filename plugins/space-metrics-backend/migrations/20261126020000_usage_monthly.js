// @ts-check

/**
 * Monthly totals of usage, beside the daily ones: a year's top lists read
 * twelve months instead of 365 days. Both tables also hold, per day or month,
 * a total over all teams (team_ref '*'), so the organisation's view does not
 * add up every team's rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('usage_monthly', table => {
    table.comment(
      'Events per month, category, subject and team (and * for all teams)',
    );
    table.string('month', 7).notNullable().comment('YYYY-MM, UTC');
    table.string('category', 16).notNullable();
    table.string('subject', 255).notNullable();
    table.string('team_ref', 255).notNullable();
    table.integer('count').notNullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.primary(['month', 'category', 'subject', 'team_ref', 'source']);
    table.index(['category', 'team_ref', 'month'], 'usage_monthly_lookup');
  });
  await knex.schema.alterTable('usage_daily', table => {
    table.index(['category', 'team_ref', 'day'], 'usage_daily_lookup');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('usage_daily', table => {
    table.dropIndex(['category', 'team_ref', 'day'], 'usage_daily_lookup');
  });
  await knex.schema.dropTable('usage_monthly');
};
