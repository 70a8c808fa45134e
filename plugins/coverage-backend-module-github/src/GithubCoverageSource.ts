import {
  CoverageSource,
  ProductionServiceRecord,
} from '@internal/plugin-coverage-node';
import { describeGithubError, GithubApi } from './githubApi';

/** GitHub's largest page. */
const PAGE_SIZE = 100;

/** The fields of a listed repository that decide whether it counts. */
interface ListedRepo {
  name: string;
  full_name: string;
  html_url: string;
  archived?: boolean;
  disabled?: boolean;
  fork: boolean;
  pushed_at?: string | null;
}

/**
 * The organisation's repositories that count as production: not archived,
 * not forks, and pushed to within the activity window. Each is one service,
 * keyed by its slug and the `github.com/project-slug` annotation.
 */
export class GithubCoverageSource implements CoverageSource {
  readonly id = 'github';
  readonly title: string;

  constructor(
    private readonly api: GithubApi,
    private readonly options: {
      activityWindowDays: number;
      now?: () => Date;
    },
  ) {
    this.title = `GitHub organisation ${api.organization}`;
  }

  async listProductionServices(options?: {
    signal?: AbortSignal;
  }): Promise<ProductionServiceRecord[]> {
    const since =
      (this.options.now?.() ?? new Date()).getTime() -
      this.options.activityWindowDays * 86_400_000;
    const repos: ListedRepo[] = [];
    try {
      const octokit = await this.api.octokit();
      // Page by page until a short page: all or nothing, so a limit hit on
      // page 3 fails the source instead of reporting fewer repositories.
      for (let page = 1; ; page++) {
        const { data } = await octokit.repos.listForOrg({
          org: this.api.organization,
          type: 'all',
          per_page: PAGE_SIZE,
          page,
          request: { signal: options?.signal },
        });
        repos.push(...data);
        if (data.length < PAGE_SIZE) break;
      }
    } catch (error) {
      throw describeGithubError(error, this.title);
    }
    return repos
      .filter(
        r =>
          !r.archived &&
          !r.fork &&
          !r.disabled &&
          r.pushed_at &&
          Date.parse(r.pushed_at) >= since,
      )
      .map(r => ({
        name: r.name,
        repoSlug: r.full_name,
        annotations: { 'github.com/project-slug': r.full_name },
        url: r.html_url,
      }));
  }
}
