/*
 * The portal's backend: the new backend system, one feature per `backend.add`.
 * Only the plugins that serve the portal's mission are installed; see
 * docs/adding-a-plugin.md before adding one.
 */

import { createBackend } from '@backstage/backend-defaults';
import { githostUrlReaderServiceFactory } from '@internal/plugin-githost-backend';
import { assertConfigEnvironment } from './startupChecks';

// A production config with a missing ${VAR} stops here, naming the variable.
assertConfigEnvironment();

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest on the embedded default; GitHub in production, where an account
// signs in as its User in the catalog (others are refused) and guest is refused.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@internal/plugin-auth-backend-module-github-sign-in'));

// Software catalog, and the Template kind for the Scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// GitHub: catalog-info.yaml in every repository of the organisation, its teams
// and people, refreshed at once by push webhooks (catalog.providers.github and
// githubOrg in app-config.production.yaml; nothing runs without that config).
backend.add(import('@backstage/plugin-catalog-backend-module-github'));
backend.add(import('@backstage/plugin-catalog-backend-module-github-org'));
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
// Catalog health: files that failed to ingest, with the reason (GET /api/catalog/health/problems).
backend.add(import('@internal/plugin-catalog-backend-module-health'));
// One broken catalog file breaks only itself: globs are read one file at a time.
backend.add(import('@internal/plugin-catalog-backend-module-file-isolation'));
// Relative $text/$yaml/$json in catalog files read from disk (the demo organisation).
backend.add(
  import('@internal/plugin-catalog-backend-module-local-placeholders'),
);

// Scaffolder golden paths.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// Golden paths: name checks before anything is made, registration that undoes
// the repository when the catalog refuses it, and publishing to the local git host.
backend.add(import('@internal/plugin-scaffolder-backend-module-golden-paths'));
backend.add(import('@internal/plugin-scaffolder-backend-module-githost'));

// The local git host: repositories under the data folder (/api/githost), and
// its URLs readable by the catalog and TechDocs like any other source.
backend.add(import('@internal/plugin-githost-backend'));
backend.add(githostUrlReaderServiceFactory);

// TechDocs.
backend.add(import('@backstage/plugin-techdocs-backend'));
// Local MkDocs with the portal's techdocs-core; mkdocs.yml checked before each build.
backend.add(import('@internal/plugin-techdocs-backend-module-portal'));

// Permissions: allow-all until an operator installs a policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search: Postgres engine when the database is Postgres, in-memory otherwise.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// SPACE metrics: developer NPS survey, time to first deploy, Scaffolder
// adoption and portal usage (the adoption dashboard's API).
backend.add(import('@internal/plugin-space-metrics-backend'));

// Catalog coverage: production services (inventory file here; GitHub, Argo CD
// and PagerDuty through source modules) against the catalog, one snapshot a day.
backend.add(import('@internal/plugin-coverage-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// A plugin that fails to start (a refused configuration, say) leaves the
// backend serving nothing useful while long-polls keep the process alive: exit,
// so the failure is seen and the container is restarted.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`The portal could not start: ${error?.message ?? error}`);
  process.exit(1);
});
