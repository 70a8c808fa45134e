import { ResponseError } from '@backstage/errors';
import {
  AddFilePullRequest,
  CoverageRepositoryHost,
  splitRepoSlug,
} from '@internal/plugin-coverage-node';
import { GitHostService } from '@internal/plugin-githost-node';

function isNotFound(error: unknown) {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * The local git host as the place production repositories live (the
 * embedded default): reads CODEOWNERS and opens change requests there.
 *
 * The local git host's API has no commit history, so top committers cannot
 * be read from it: repositories there are guessed from CODEOWNERS only.
 */
export class GitHostRepositoryHost implements CoverageRepositoryHost {
  readonly id = 'githost';

  constructor(
    private readonly options: {
      gitHost: GitHostService;
      /** Repository owners (organisations) that live on the local git host. */
      owners: string[];
      /** The git host API's external base URL (`.../api/githost`). */
      baseUrl: string;
    },
  ) {}

  handles(repoSlug: string): boolean {
    const owner = repoSlug.split('/')[0].toLocaleLowerCase('en-US');
    return this.options.owners.some(
      o => o.toLocaleLowerCase('en-US') === owner,
    );
  }

  repositoryUrl(repoSlug: string): string {
    return `${this.options.baseUrl}/repos/${repoSlug}`;
  }

  async readFile(repoSlug: string, path: string): Promise<string | undefined> {
    const { owner, repo: name } = splitRepoSlug(repoSlug);
    try {
      const repo = await this.options.gitHost.getRepository(owner, name);
      const bytes = await this.options.gitHost.readFile(
        owner,
        name,
        repo.defaultBranch,
        path,
      );
      return bytes.toString('utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async topCommitters(): Promise<string[]> {
    return [];
  }

  async openPullRequest(
    options: AddFilePullRequest,
  ): Promise<{ url: string; branch: string }> {
    const { gitHost } = this.options;
    const { owner, repo: name } = splitRepoSlug(options.repoSlug);
    const open = await gitHost.listChangeRequests(owner, name, {
      status: 'open',
    });
    const existing = open.find(c => c.sourceBranch === options.branch);
    if (existing) {
      return {
        url: this.changeUrl(options.repoSlug, existing.id),
        branch: options.branch,
      };
    }
    const branches = await gitHost.listBranches(owner, name);
    if (!branches.some(b => b.name === options.branch)) {
      await gitHost.createBranch(owner, name, { branch: options.branch });
    }
    await gitHost.commitFiles(owner, name, {
      branch: options.branch,
      message: options.title,
      files: [
        {
          path: options.path,
          base64Content: Buffer.from(options.content, 'utf8').toString(
            'base64',
          ),
        },
      ],
    });
    const created = await gitHost.createChangeRequest(owner, name, {
      title: options.title,
      description: options.body,
      sourceBranch: options.branch,
    });
    return {
      url: this.changeUrl(options.repoSlug, created.id),
      branch: options.branch,
    };
  }

  private changeUrl(repoSlug: string, id: number) {
    return `${this.repositoryUrl(repoSlug)}/change-requests/${id}`;
  }
}
