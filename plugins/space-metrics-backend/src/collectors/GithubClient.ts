import { ResponseError } from '@backstage/errors';

/** A GitHub deployment, as `GET /repos/{owner}/{repo}/deployments` returns it. */
export interface GithubDeployment {
  id: number;
  sha: string;
  environment: string;
  created_at: string;
}

/** A deployment status, as `.../deployments/{id}/statuses` returns it. */
export interface GithubDeploymentStatus {
  state: string;
  created_at: string;
  log_url?: string;
  environment_url?: string;
}

interface GithubCommit {
  sha: string;
  author: { login: string } | null;
  commit: { author: { email?: string; name?: string } | null };
}

/**
 * The few GitHub REST calls the collectors make, with the integration's
 * token. Only what the deployments and their commit authors need.
 */
export class GithubClient {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly token?: string,
  ) {}

  /** Deployments of an environment, oldest first (GitHub lists newest first). */
  async deployments(
    repo: string,
    environment: string,
  ): Promise<GithubDeployment[]> {
    const all: GithubDeployment[] = [];
    for (let page = 1; page <= 20; page++) {
      const batch = await this.get<GithubDeployment[]>(
        `/repos/${repo}/deployments?environment=${encodeURIComponent(
          environment,
        )}&per_page=100&page=${page}`,
      );
      all.push(...batch);
      if (batch.length < 100) break;
    }
    return all.sort((a, b) => a.id - b.id);
  }

  async statuses(repo: string, id: number): Promise<GithubDeploymentStatus[]> {
    return this.get(`/repos/${repo}/deployments/${id}/statuses?per_page=100`);
  }

  /**
   * The authors (GitHub logins, or emails of commits without a linked
   * account) of the commits in base..head, or of head alone without a base.
   */
  async commitAuthors(
    repo: string,
    head: string,
    base?: string,
  ): Promise<string[]> {
    const commits = base
      ? (
          await this.get<{ commits: GithubCommit[] }>(
            `/repos/${repo}/compare/${base}...${head}`,
          )
        ).commits
      : [await this.get<GithubCommit>(`/repos/${repo}/commits/${head}`)];
    const authors = new Set<string>();
    for (const c of commits) {
      const identity = c.author?.login ?? c.commit.author?.email;
      if (identity) authors.add(identity);
    }
    return [...authors];
  }

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.apiBaseUrl}${path}`, {
      headers: {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }
}
