import { Knex } from 'knex';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { permissionsDenying, serveRouter } from '@internal/test-utils';
import { createTestDatabases } from './testDatabases';
import { createServices } from './services';
import { migrateUp } from '../database/migrate';
import { createRouter } from '../router';

/** The time the router tests run at. */
export const NOW = new Date('2026-11-26T12:00:00Z');

type Credentials =
  | ReturnType<typeof mockCredentials.user>
  | ReturnType<typeof mockCredentials.service>
  | ReturnType<typeof mockCredentials.none>;

/**
 * The plugin's router over real services and a SQLite database (emptied
 * before each test), with mock credentials and a permission policy that denies
 * the permissions named in `deny`. Call in a describe block.
 */
export function useRouterApp() {
  const databases = createTestDatabases();
  const ctx = {} as { db: Knex; services: ReturnType<typeof createServices> };
  beforeAll(async () => {
    ctx.db = await databases.init('SQLITE_3');
    await migrateUp(ctx.db);
  });
  beforeEach(async () => {
    for (const t of [
      'survey_answers',
      'survey_prompts',
      'deployment_authors',
      'deployments',
      'usage_events',
    ]) {
      await ctx.db(t).delete();
    }
    ctx.services = createServices(ctx.db, { now: () => NOW });
  });
  const app = (
    options: { credentials?: Credentials; deny?: string[] } = {},
  ) => {
    const router = createRouter({
      ...ctx.services,
      httpAuth: mockServices.httpAuth({
        defaultCredentials:
          options.credentials ?? mockCredentials.user('user:default/team-a-0'),
      }),
      permissions: permissionsDenying(options.deny),
    });
    return serveRouter(router);
  };
  return {
    app,
    db: () => ctx.db,
    services: () => ctx.services,
  };
}
