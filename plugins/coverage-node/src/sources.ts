/**
 * A source of production services: a system that knows what runs in
 * production (the GitHub organisation's repositories, Argo CD applications,
 * PagerDuty services, an inventory file). One module per source adds it through
 * `coverageSourcesExtensionPoint`.
 */
export interface CoverageSource {
  /** Stable id, stored with snapshots: `github`, `argocd`, `pagerduty`, `inventory`. */
  readonly id: string;
  /** Shown on the dashboard, e.g. "GitHub organisation acme-pay". */
  readonly title: string;
  /**
   * Everything this source counts as production right now. Throws when the
   * system cannot be read (rate-limited, unreachable, refused): the snapshot
   * then records the source as missing instead of reporting a drop.
   */
  listProductionServices(options?: {
    signal?: AbortSignal;
  }): Promise<ProductionServiceRecord[]>;
}

/** One production service as a source reports it, before de-duplication. */
export interface ProductionServiceRecord {
  /** A readable name (repository name, application name, service name). */
  name: string;
  /**
   * `owner/repo` of its source repository, when the source knows it. Services
   * from several sources with the same slug are one service.
   */
  repoSlug?: string;
  /**
   * Annotations a catalog entity would carry to point at this service, e.g.
   * `{ 'pagerduty.com/service-id': 'PABC123' }` or `{ 'argocd/app-name': 'payments' }`.
   * An entity with any of them matches the service.
   */
  annotations?: Record<string, string>;
  /** A link to the service in its system. */
  url?: string;
}

/**
 * Where production repositories live: reads what guessing an owner needs and
 * opens the pull request that adds a generated catalog-info.yaml. The GitHub
 * module provides one for github.com; the local git host provides the one used
 * on the embedded default.
 */
export interface CoverageRepositoryHost {
  /** `github`, `githost`. */
  readonly id: string;
  /** Whether this host holds the repository (e.g. by its owner). */
  handles(repoSlug: string): boolean;
  /** The repository's web URL. */
  repositoryUrl(repoSlug: string): string;
  /** The text of a file on the default branch, or undefined when absent. */
  readFile(repoSlug: string, path: string): Promise<string | undefined>;
  /** Logins (or emails) of the most frequent recent committers, most first. */
  topCommitters(repoSlug: string, limit: number): Promise<string[]>;
  /**
   * Opens a pull request (change request) adding one file on a new branch.
   * Returns its URL. When an open one with the same branch exists, returns it.
   */
  openPullRequest(
    options: AddFilePullRequest,
  ): Promise<{ url: string; branch: string }>;
}

/** A pull request that adds one file on a new branch of a repository. */
export interface AddFilePullRequest {
  repoSlug: string;
  branch: string;
  path: string;
  content: string;
  title: string;
  body: string;
}
