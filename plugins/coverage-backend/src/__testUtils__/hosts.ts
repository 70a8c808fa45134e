import { CoverageRepositoryHost } from '@internal/plugin-coverage-node';

/**
 * A repository host held in memory: files per repository and the pull
 * requests opened, for tests of the owner guess and the "add to catalog"
 * flow. (The local git host's own implementation is tested against the real
 * git host plugin in plugin.test.ts.)
 */
export class MemoryRepositoryHost implements CoverageRepositoryHost {
  readonly id = 'memory';
  readonly pulls: {
    repoSlug: string;
    branch: string;
    path: string;
    content: string;
  }[] = [];

  constructor(
    private readonly repos: Record<
      string,
      { files?: Record<string, string>; committers?: string[] }
    >,
  ) {}

  handles(repoSlug: string) {
    return repoSlug in this.repos;
  }
  repositoryUrl(repoSlug: string) {
    return `https://git.example/${repoSlug}`;
  }
  async readFile(repoSlug: string, path: string) {
    return this.repos[repoSlug]?.files?.[path];
  }
  async topCommitters(repoSlug: string, limit: number) {
    return (this.repos[repoSlug]?.committers ?? []).slice(0, limit);
  }
  async openPullRequest(o: {
    repoSlug: string;
    branch: string;
    path: string;
    content: string;
  }) {
    const found = this.pulls.findIndex(
      p => p.repoSlug === o.repoSlug && p.branch === o.branch,
    );
    if (found < 0) this.pulls.push(o);
    const n = found < 0 ? this.pulls.length : found + 1;
    return {
      url: `https://git.example/${o.repoSlug}/pull/${n}`,
      branch: o.branch,
    };
  }
}
