// @ts-check

/**
 * Change requests of the local git host: a proposal to merge one branch into
 * another, with who opened it and its status. The branches themselves live in
 * the git repositories; this table holds what git has no place for.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('githost_change_requests', table => {
    table.increments('id').primary();
    table.string('owner', 63).notNullable();
    table.string('repo', 63).notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('source_branch', 100).notNullable();
    table.string('target_branch', 100).notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['owner', 'repo'], 'githost_change_requests_repo_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('githost_change_requests');
};
