export interface Config {
  coverage?: {
    /**
     * PagerDuty as a source of production services: every service that is
     * not disabled is one, matched to catalog entities by the
     * `pagerduty.com/service-id` annotation (and by repository when its
     * description links exactly one GitHub repository). Off when `token` is
     * absent.
     */
    pagerduty?: {
      /** PagerDuty's REST API. Default https://api.pagerduty.com. */
      apiBaseUrl?: string;
      /**
       * A read-only REST API key (account or user token).
       * @visibility secret
       */
      token?: string;
      /** Only services of these team ids count. Default: every service. */
      teamIds?: string[];
    };
  };
}
