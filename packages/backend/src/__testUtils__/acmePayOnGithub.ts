import path from 'node:path';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { buildAcmePayOnGithub, GithubStandin } from '@internal/standins';
import { perPluginDatabases } from '@internal/test-utils';
import {
  GithubCatalog,
  startGithubCatalog,
  TASKS,
  waitUntil,
} from './githubCatalog';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * The stand-in GitHub serving the acme-pay organisation, and a catalog pointed
 * at it on one of the test databases (SQLite in memory when none is given).
 */
export async function startAcmePayOnGithub(
  options: {
    databases?: TestDatabases;
    databaseId?: TestDatabaseId;
    processingIntervalSeconds?: number;
  } = {},
) {
  const standin = await GithubStandin.start({
    world: buildAcmePayOnGithub(repoRoot),
  });
  const catalog = await startGithubCatalog({
    standin,
    processingIntervalSeconds: options.processingIntervalSeconds,
    database:
      options.databases && options.databaseId
        ? perPluginDatabases(options.databases, options.databaseId)
        : undefined,
  });
  return {
    standin,
    catalog,
    async stop() {
      await catalog.stop();
      await standin.stop();
    },
  };
}

/** Components of the acme-pay repositories (the real-world ones aside). */
export const COMPONENTS = [
  // The demo organisation's repositories (refund-service's file is invalid).
  'api-gateway',
  'checkout-web',
  'data-pipeline',
  'feature-flags',
  'fraud-detector',
  'invoice-service',
  'kyc-service',
  'ledger-service',
  'legacy-reporting',
  'logging-lib',
  'merchant-dashboard',
  'mobile-bff',
  'notification-service',
  'payment-processor',
  'payments-sdk',
  'settlement-worker',
  'status-page',
  'ui-kit',
  // Cases of our own: a multi-document file, the valid half of a file with an
  // invalid entity, a Location whose glob finds two good files and a broken
  // one, a fork, the repositories renamed and deleted later.
  'rates-service',
  'billing-exporter',
  'quotes-service',
  'receipts-service',
  'forked-sdk',
  'moving-service',
  'doomed-service',
  ...Array.from(
    { length: 15 },
    (_, i) => `svc-${String(i + 1).padStart(2, '0')}`,
  ),
].map(n => `component:default/${n}`);

/** Runs discovery of teams, people and repositories, and waits for the catalog. */
export async function discoverAll(catalog: GithubCatalog) {
  await catalog.run(TASKS.org);
  await catalog.run(TASKS.repos);
  await waitUntil(
    'every discovered component to be in the catalog',
    async () => {
      const refs = await catalog.refs('kind=component');
      return COMPONENTS.every(c => refs.includes(c)) ? refs : undefined;
    },
  );
  // Relations are stitched after processing: wait for the last ones.
  await waitUntil('relations to be stitched', async () => {
    const pg = await catalog.entity('resource:postgres-payments');
    return pg?.relations?.filter((r: any) => r.type === 'dependencyOf')
      .length === 5
      ? true
      : undefined;
  });
}
