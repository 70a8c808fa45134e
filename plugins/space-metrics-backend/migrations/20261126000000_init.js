// @ts-check

/**
 * The SPACE metrics tables. Every table that holds measured data has a
 * `source` column: `demo` rows come from the demo seed and are removed when the
 * seed is turned off; everything else is live data.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('survey_answers', table => {
    table.comment(
      'One answer per person per quarter to the developer NPS question',
    );
    table.string('quarter', 7).notNullable().comment('e.g. 2026-Q4');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('never returned by the API');
    table
      .text('group_refs')
      .notNullable()
      .comment(
        'JSON array: the groups the person was a direct member of when answering',
      );
    table.integer('score').notNullable();
    table.text('comment').nullable();
    table.timestamp('answered_at', { useTz: true }).notNullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.primary(['quarter', 'user_ref']);
  });

  await knex.schema.createTable('survey_prompts', table => {
    table.comment('What a person did with the prompt instead of answering');
    table.string('quarter', 7).notNullable();
    table.string('user_ref', 255).notNullable();
    table.boolean('dismissed').notNullable().defaultTo(false);
    table.timestamp('postponed_until', { useTz: true }).nullable();
    table.primary(['quarter', 'user_ref']);
  });

  await knex.schema.createTable('deployments', table => {
    table.comment(
      'Production (and other) deployments, one row per service, environment and commit',
    );
    table.string('id', 36).primary();
    table.string('service_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('revision', 64).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table
      .string('reported_by', 16)
      .notNullable()
      .comment('argocd, github or api: who reported it first');
    table.text('url').nullable();
    table.string('source', 8).notNullable().defaultTo('live');
    // The same deployment reported twice (by Argo CD and by CI, say) is one row.
    table.unique(['service_ref', 'environment', 'revision']);
    table.index(['environment', 'deployed_at']);
  });

  await knex.schema.createTable('deployment_authors', table => {
    table.comment('The people whose commits a deployment shipped');
    table
      .string('deployment_id', 36)
      .notNullable()
      .references('id')
      .inTable('deployments')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    // Copied from the deployment so that "first production deployment of a
    // person" is one index range scan.
    table.string('environment', 63).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.primary(['deployment_id', 'user_ref']);
    table.index(['user_ref', 'environment', 'deployed_at']);
  });

  await knex.schema.createTable('components_seen', table => {
    table.comment(
      'When each catalog component was first seen, and which template made it',
    );
    table.string('entity_ref', 255).primary();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table
      .boolean('baseline')
      .notNullable()
      .defaultTo(false)
      .comment(
        'already there when the portal first looked: not counted as new',
      );
    table.string('owner_ref', 255).nullable();
    table.string('template_ref', 255).nullable();
    table.string('template_version', 63).nullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.index(['first_seen_at']);
  });

  await knex.schema.createTable('templates', table => {
    table.comment(
      'Scaffolder templates and their current version, from the catalog',
    );
    table.string('template_ref', 255).primary();
    table.string('title', 255).nullable();
    table.string('current_version', 63).nullable();
    table.string('source', 8).notNullable().defaultTo('live');
  });

  await knex.schema.createTable('scaffolder_tasks', table => {
    table.comment('Scaffolder runs, read from the Scaffolder API');
    table.string('task_id', 64).primary();
    table.string('template_ref', 255).notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.index(['created_at']);
  });

  await knex.schema.createTable('usage_events', table => {
    table.comment(
      'Raw analytics events; deleted after the retention time, aggregates remain',
    );
    table.bigIncrements('id');
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table
      .string('day', 10)
      .notNullable()
      .comment('YYYY-MM-DD of occurred_at, UTC: the unit of the daily roll-up');
    table.string('user_ref', 255).notNullable();
    table
      .string('category', 16)
      .notNullable()
      .comment('page, docs, search, search-empty, template or other');
    table.string('subject', 255).notNullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.index(['occurred_at']);
    table.index(['day']);
  });

  await knex.schema.createTable('usage_daily', table => {
    table.comment(
      'Events per day, category, subject and team: what remains of raw events',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('category', 16).notNullable();
    table.string('subject', 255).notNullable();
    table
      .string('team_ref', 255)
      .notNullable()
      .comment("the person's direct group, '' when none");
    table.integer('count').notNullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.primary(['day', 'category', 'subject', 'team_ref', 'source']);
  });

  await knex.schema.createTable('usage_active', table => {
    table.comment(
      'Distinct active people per week or month, for the organisation and every group',
    );
    table.string('period', 5).notNullable().comment('week or month');
    table
      .string('start', 10)
      .notNullable()
      .comment('YYYY-MM-DD: the Monday of the week, or the first of the month');
    table
      .string('group_ref', 255)
      .notNullable()
      .comment("'' for the whole organisation");
    table.integer('users').notNullable();
    table.string('source', 8).notNullable().defaultTo('live');
    table.primary(['period', 'start', 'group_ref', 'source']);
  });

  await knex.schema.createTable('space_meta', table => {
    table.comment(
      'Small facts the plugin remembers, e.g. when the catalog was first read',
    );
    table.string('key', 63).primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'space_meta',
    'usage_active',
    'usage_daily',
    'usage_events',
    'scaffolder_tasks',
    'templates',
    'components_seen',
    'deployment_authors',
    'deployments',
    'survey_prompts',
    'survey_answers',
  ]) {
    await knex.schema.dropTable(table);
  }
};
