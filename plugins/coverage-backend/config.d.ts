import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Catalog coverage (plugins/coverage*); docs/coverage.md describes it. */
  coverage?: {
    /**
     * The trust threshold (0 to 1): below it the dashboard says the catalog
     * cannot be trusted as the source of truth. Default 0.8.
     */
    threshold?: number;

    /**
     * When the snapshot job runs (global: once across replicas). Default once
     * a day: { frequency: { hours: 24 }, timeout: { minutes: 30 },
     * initialDelay: { minutes: 2 } }.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /**
     * The built-in inventory source: a YAML file listing production
     * repositories (`services: [{ name, repoSlug, annotations?, url? }]`).
     * A path relative to the backend's working directory. Not set by default
     * (app-config.yaml sets it to the demo organisation's list).
     */
    inventory?: {
      file?: string;
    };

    /**
     * Repository owners (organisations) whose repositories live on the local
     * git host: "add to catalog" opens a change request there. Default none
     * (app-config.yaml sets acme-pay for the embedded default).
     */
    gitHost?: {
      owners?: string[];
    };

    /**
     * Seed the demo organisation's production repositories that are missing
     * from the catalog into the local git host (each only if absent). Default
     * false (app-config.yaml turns it on).
     */
    demoRepositories?: boolean;

    /**
     * Base of the "how to fix" links of the completeness checks; the check id
     * is appended as the fragment. Default: the portal's own docs,
     * `<app.baseUrl>/docs/default/component/developer-portal/coverage/`.
     */
    docsUrl?: string;
  };
}
