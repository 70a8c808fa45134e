import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** SPACE metrics and the adoption dashboard (plugins/space-metrics*). */
  spaceMetrics?: {
    /**
     * Fewest respondents (or engineers in a cohort) a group needs before any of
     * its figures or comments are shown. Default 5; values below 3 are refused
     * at start-up.
     */
    anonymityThreshold?: number;

    survey?: {
      /** Ask the quarterly question in the portal. Default true. */
      enabled?: boolean;
      /** Days that "later" postpones the prompt. Default 3. */
      postponeDays?: number;
      /** Longest comment accepted, in characters. Default 2000. */
      maxCommentLength?: number;
    };

    usage?: {
      /**
       * How long raw analytics events are kept; after that only the daily,
       * weekly and monthly totals remain. Default { days: 90 }; at least 35
       * days, so a month's active users are counted before its events go.
       */
      retention?: HumanDuration | string;
      /** Most events accepted in one POST /events. Default 200. */
      maxBatchSize?: number;
    };

    /**
     * Demo data: a believable year of history for the demo organisation,
     * marked as demo data in the database and on the dashboard. Default false
     * (app-config.yaml turns it on for the embedded default). Turning it off
     * deletes the demo rows at the next start.
     */
    demoData?: {
      enabled?: boolean;
    };

    /**
     * When the collectors run (catalog components and templates, Scaffolder
     * runs, Argo CD and GitHub deployments) and when usage is rolled up and
     * expired. Default every 15 minutes, first run 30 seconds after start.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    /** Argo CD, read for sync history (production deployments). Off when absent. */
    argocd?: {
      /** The Argo CD API server, e.g. https://argocd.example.com. */
      baseUrl: string;
      /**
       * A read-only Argo CD API token (an account with `applications, get`).
       * @visibility secret
       */
      token: string;
    };

    /**
     * Start dates from GitHub: when each login joined the organisation, read
     * from its audit log (GitHub Enterprise Cloud), for people whose User
     * entity has no `acme-pay.example/start-date`. Off when absent.
     */
    githubMembership?: {
      /** The GitHub organisation, e.g. acme-pay. */
      org: string;
      /** The integration host. Default github.com. */
      host?: string;
    };

    /**
     * GitHub deployments (REST `/repos/{owner}/{repo}/deployments`) of
     * components with a `github.com/project-slug` annotation, through the
     * `integrations.github` entry of the host. Off when absent.
     */
    githubDeployments?: {
      /** The integration host. Default github.com. */
      host?: string;
      /** Environments that count as production. Default ['production']. */
      productionEnvironments?: string[];
    };
  };
}
