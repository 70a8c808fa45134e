import { GithubCatalog, TASKS, waitUntil } from './githubCatalog';

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
