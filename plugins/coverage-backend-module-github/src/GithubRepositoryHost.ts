import {
  AddFilePullRequest,
  CoverageRepositoryHost,
  splitRepoSlug,
} from '@internal/plugin-coverage-node';
import { Octokit } from '@octokit/rest';
import { describeGithubError, GithubApi } from './githubApi';

/** How many recent commits of the default branch `topCommitters` counts. */
const RECENT_COMMITS = 100;

const isStatus = (error: unknown, status: number) =>
  (error as { status?: number })?.status === status;

/**
 * GitHub as the host of the organisation's repositories: reads files and
 * recent committers (to guess an owner) and opens the pull request that adds
 * a generated catalog-info.yaml, through the REST API.
 */
export class GithubRepositoryHost implements CoverageRepositoryHost {
  readonly id = 'github';

  constructor(private readonly api: GithubApi) {}

  handles(repoSlug: string): boolean {
    return (
      repoSlug.split('/')[0].toLowerCase() ===
      this.api.organization.toLowerCase()
    );
  }

  repositoryUrl(repoSlug: string): string {
    return `https://${this.api.host}/${repoSlug}`;
  }

  async readFile(repoSlug: string, path: string): Promise<string | undefined> {
    const octokit = await this.api.octokit();
    return this.read(octokit, repoSlug, path).then(f => f?.text);
  }

  async topCommitters(repoSlug: string, limit: number): Promise<string[]> {
    const octokit = await this.api.octokit();
    let commits;
    try {
      // Without `sha`, GitHub lists the default branch, newest first.
      ({ data: commits } = await octokit.repos.listCommits({
        ...splitRepoSlug(repoSlug),
        per_page: RECENT_COMMITS,
      }));
    } catch (error) {
      if (isStatus(error, 409)) return []; // an empty repository
      throw describeGithubError(error, `Commits of ${repoSlug}`);
    }
    const counts = new Map<string, number>();
    for (const c of commits) {
      const who = c.author?.login ?? c.commit.author?.email ?? undefined;
      // Bots (dependabot[bot], renovate[bot]) commit most and own nothing.
      if (!who || who.endsWith('[bot]')) continue;
      counts.set(who, (counts.get(who) ?? 0) + 1);
    }
    // Map keeps first-seen order (most recent first) for equal counts.
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([who]) => who);
  }

  async openPullRequest(
    options: AddFilePullRequest,
  ): Promise<{ url: string; branch: string }> {
    const { repoSlug, branch, path, content, title, body } = options;
    const { owner, repo } = splitRepoSlug(repoSlug);
    const octokit = await this.api.octokit();
    try {
      const { data: open } = await octokit.pulls.list({
        owner,
        repo,
        state: 'open',
        head: `${owner}:${branch}`,
      });
      if (open.length > 0) return { url: open[0].html_url, branch };

      const { data: info } = await octokit.repos.get({ owner, repo });
      const base = info.default_branch;
      await this.ensureBranch(octokit, owner, repo, base, branch);
      // A branch left by an earlier attempt may hold the file already.
      const existing = await this.read(octokit, repoSlug, path, branch);
      if (existing?.text !== content) {
        await octokit.repos.createOrUpdateFileContents({
          owner,
          repo,
          path,
          branch,
          message: title,
          content: Buffer.from(content).toString('base64'),
          sha: existing?.sha,
        });
      }
      const { data: pull } = await octokit.pulls.create({
        owner,
        repo,
        head: branch,
        base,
        title,
        body,
      });
      return { url: pull.html_url, branch };
    } catch (error) {
      throw describeGithubError(error, `A pull request on ${repoSlug}`);
    }
  }

  private async ensureBranch(
    octokit: Octokit,
    owner: string,
    repo: string,
    base: string,
    branch: string,
  ) {
    try {
      await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    const { data: head } = await octokit.git.getRef({
      owner,
      repo,
      ref: `heads/${base}`,
    });
    await octokit.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${branch}`,
      sha: head.object.sha,
    });
  }

  private async read(
    octokit: Octokit,
    repoSlug: string,
    path: string,
    ref?: string,
  ): Promise<{ text: string; sha: string } | undefined> {
    try {
      const { data } = await octokit.repos.getContent({
        ...splitRepoSlug(repoSlug),
        path,
        ref,
      });
      if (Array.isArray(data) || data.type !== 'file') return undefined;
      const file = data as { content?: string; sha: string };
      return {
        text: Buffer.from(file.content ?? '', 'base64').toString('utf8'),
        sha: file.sha,
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw describeGithubError(error, `${path} of ${repoSlug}`);
    }
  }
}
