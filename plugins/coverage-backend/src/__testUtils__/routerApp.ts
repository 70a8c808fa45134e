import { Knex } from 'knex';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { permissionsDenying, serveRouter } from '@internal/test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CoverageRepositoryHost,
  CoverageSource,
} from '@internal/plugin-coverage-node';
import { createTestDatabases } from './testDatabases';
import { migrateUp } from '../database/migrate';
import { SnapshotStore } from '../database/SnapshotStore';
import { CatalogAccess } from '../service/CatalogAccess';
import { CoverageService } from '../service/CoverageService';
import { OwnerGuesser } from '../service/OwnerGuesser';
import { DocsStatus, SnapshotService } from '../service/SnapshotService';
import { createRouter } from '../router';

export const NOW = new Date('2026-11-26T12:00:00Z');

type Credentials =
  | ReturnType<typeof mockCredentials.user>
  | ReturnType<typeof mockCredentials.service>
  | ReturnType<typeof mockCredentials.none>;

/** Docs "built" for every entity with a techdocs-ref except those named. */
export function docsExcept(...refs: string[]): DocsStatus {
  return {
    built: async entities =>
      new Set(
        entities.map(e => stringifyEntityRef(e)).filter(r => !refs.includes(r)),
      ),
  };
}

/**
 * The plugin's router over real services, a SQLite database (emptied before
 * each test) and an in-memory catalog, with mock credentials and a policy that
 * denies the permissions named in `deny`. Call in a describe block.
 */
export function useRouterApp(setup: {
  entities: () => Entity[];
  sources: () => CoverageSource[];
  hosts?: () => CoverageRepositoryHost[];
  docs?: DocsStatus;
}) {
  const databases = createTestDatabases();
  const ctx = {} as {
    db: Knex;
    store: SnapshotStore;
    snapshots: SnapshotService;
    coverage: CoverageService;
    now: Date;
  };
  beforeAll(async () => {
    ctx.db = await databases.init('SQLITE_3');
    await migrateUp(ctx.db);
  });
  beforeEach(async () => {
    for (const t of [
      'coverage_snapshots',
      'coverage_scope_days',
      'coverage_entities',
      'coverage_source_records',
      'coverage_pull_requests',
    ]) {
      await ctx.db(t).delete();
    }
    ctx.now = NOW;
    const entities = setup.entities();
    const catalog = new CatalogAccess(
      catalogServiceMock({ entities }),
      mockServices.auth(),
    );
    const logger = mockServices.logger.mock();
    const owners = new OwnerGuesser(setup.hosts?.() ?? [], logger);
    const docs = setup.docs ?? docsExcept();
    const fixUrl = (id: string) => `http://portal/docs/coverage/#${id}`;
    ctx.store = new SnapshotStore(ctx.db);
    ctx.snapshots = new SnapshotService({
      store: ctx.store,
      sources: setup.sources(),
      loadEntities: () => catalog.loadAll(),
      docs,
      owners,
      settings: { threshold: 0.8, organisationTitle: 'Acme', fixUrl },
      logger,
      now: () => ctx.now,
    });
    ctx.coverage = new CoverageService({
      store: ctx.store,
      catalog,
      docs,
      owners,
      fixUrl,
      now: () => ctx.now,
    });
  });
  const app = (
    options: { credentials?: Credentials; deny?: string[] } = {},
  ) => {
    const router = createRouter({
      coverage: ctx.coverage,
      snapshots: ctx.snapshots,
      httpAuth: mockServices.httpAuth({
        defaultCredentials:
          options.credentials ?? mockCredentials.user('user:default/ana'),
      }),
      permissions: permissionsDenying(options.deny),
    });
    return serveRouter(router);
  };
  return {
    app,
    ctx,
    setNow: (d: Date) => {
      ctx.now = d;
    },
  };
}
