/*
 * The portal's backend: the new backend system, one feature per `backend.add`.
 * Only the plugins that serve the portal's mission are installed; see
 * docs/adding-a-plugin.md before adding one.
 */

import { createBackend } from '@backstage/backend-defaults';
import { assertConfigEnvironment } from './startupChecks';

// A production config with a missing ${VAR} stops here, naming the variable.
assertConfigEnvironment();

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest on the embedded default; providers are chosen by config.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// Software catalog, and the Template kind for the Scaffolder.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Catalog health: files that failed to ingest, with the reason (GET /api/catalog/health/problems).
backend.add(import('@internal/plugin-catalog-backend-module-health'));
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

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
