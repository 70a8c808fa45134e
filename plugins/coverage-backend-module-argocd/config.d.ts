export interface Config {
  coverage?: {
    /**
     * Argo CD as a source of production services: each application (of the
     * projects and destinations below) is one, matched to catalog entities by
     * its source repository and the `argocd/app-name` annotation. Same API and
     * token as `spaceMetrics.argocd`. Off when `baseUrl` is absent.
     */
    argocd?: {
      /** The Argo CD API server, e.g. https://argocd.example.com. */
      baseUrl?: string;
      /**
       * A read-only Argo CD API token (an account with `applications, get`).
       * Required when baseUrl is set.
       * @visibility secret
       */
      token?: string;
      /**
       * Only applications of these Argo CD projects count. Default: every
       * project.
       */
      projects?: string[];
      /**
       * Only applications deployed to these clusters count, matched against
       * `spec.destination.name` or `spec.destination.server` (e.g. your
       * production cluster). Default: every destination.
       */
      destinations?: string[];
    };
  };
}
