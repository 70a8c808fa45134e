import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { migrateDown, migrateUp, deleteDemoData } from './migrate';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  let db: Knex;
  beforeAll(async () => {
    db = await databases.init(databaseId);
    await migrateUp(db);
  });

  it('removes demo rows, and the tables go down cleanly', async () => {
    await db('deployments').insert({
      id: 'demo-1',
      service_ref: 'component:default/x',
      environment: 'production',
      revision: 'd'.repeat(40),
      deployed_at: new Date(),
      reported_by: 'demo',
      source: 'demo',
    });
    await db('deployment_authors').insert({
      deployment_id: 'demo-1',
      user_ref: 'user:default/x',
      environment: 'production',
      deployed_at: new Date(),
    });
    await deleteDemoData(db);
    expect(await db('deployments').where({ source: 'demo' })).toEqual([]);
    expect(
      await db('deployment_authors').where({ deployment_id: 'demo-1' }),
    ).toEqual([]);
    expect(await db('usage_active').where({ source: 'demo' })).toEqual([]);
    await migrateDown(db);
    expect(await db.schema.hasTable('survey_answers')).toBe(false);
    await migrateUp(db);
    expect(await db.schema.hasTable('survey_answers')).toBe(true);
  });
});
