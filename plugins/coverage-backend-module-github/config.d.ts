export interface Config {
  coverage?: {
    /**
     * The GitHub organisation as a source of production services (its
     * repositories that are not archived, not forks and were pushed to within
     * the activity window) and as the host where coverage opens pull requests
     * adding catalog-info.yaml. Reads GitHub through the `integrations.github`
     * entry of `host` (token or GitHub App). Off when absent.
     */
    github?: {
      /** The organisation's login, e.g. acme-pay. The source is off without it. */
      organization?: string;
      /** The integration host. Default github.com. */
      host?: string;
      /**
       * Days since the last push for a repository to count as production.
       * Default 90.
       */
      activityWindowDays?: number;
    };
  };
}
