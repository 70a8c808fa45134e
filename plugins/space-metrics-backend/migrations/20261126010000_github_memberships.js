// @ts-check

/**
 * When each GitHub login joined the organisation, from its audit log: the
 * start date of people whose User entity has no start-date annotation.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('github_memberships', table => {
    table.comment('Latest org.add_member per GitHub login');
    table.string('login', 255).primary();
    table.timestamp('joined_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('github_memberships');
};
