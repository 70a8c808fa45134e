import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  GitHostChangeRequest,
  GitHostCreateChangeRequest,
  GitHostCreateRepositoryRequest,
  GitHostRepository,
} from '@internal/plugin-githost-common';
import { ChangeRequestStore } from './ChangeRequestStore';
import { GitRepositories, StoredRepository } from './GitRepositories';
import { assertBranch } from './paths';

/**
 * What the router serves: repositories with their URLs, and change requests
 * checked against the branches they name.
 */
export class GitHostService {
  constructor(
    readonly repos: GitRepositories,
    private readonly changeRequests: ChangeRequestStore,
    /** The plugin's external base URL, e.g. `http://localhost:7007/api/githost`. */
    private readonly baseUrl: string,
  ) {}

  describe(repo: StoredRepository): GitHostRepository {
    const { owner, name } = repo;
    return {
      ...repo,
      slug: `${owner}/${name}`,
      cloneUrl: `${this.baseUrl}/git/${owner}/${name}.git`,
      contentsUrl: `${this.baseUrl}/repos/${owner}/${name}/blob/${repo.defaultBranch}/`,
    };
  }

  async listRepositories() {
    return (await this.repos.list()).map(r => this.describe(r));
  }

  async getRepository(owner: string, name: string) {
    return this.describe(await this.repos.get(owner, name));
  }

  async createRepository(request: GitHostCreateRepositoryRequest) {
    return this.describe(await this.repos.create(request));
  }

  async deleteRepository(owner: string, name: string) {
    await this.repos.delete(owner, name);
    await this.changeRequests.deleteForRepository(owner, name);
  }

  async openChangeRequest(
    owner: string,
    name: string,
    request: GitHostCreateChangeRequest,
    createdBy: string,
  ): Promise<GitHostChangeRequest> {
    const repo = await this.repos.get(owner, name);
    const targetBranch = request.targetBranch ?? repo.defaultBranch;
    assertBranch(request.sourceBranch);
    assertBranch(targetBranch);
    if (request.sourceBranch === targetBranch) {
      throw new InputError('A change request needs two different branches');
    }
    const source = await this.repos.resolveCommit(
      owner,
      name,
      request.sourceBranch,
    );
    const target = await this.repos.resolveCommit(owner, name, targetBranch);
    const changedFiles = await this.repos.changedFiles(
      owner,
      name,
      target,
      source,
    );
    if (!changedFiles.length) {
      throw new InputError(
        `The branch "${request.sourceBranch}" has no changes against "${targetBranch}"`,
      );
    }
    const open = await this.changeRequests.list(owner, name, 'open');
    const same = open.find(
      c =>
        c.sourceBranch === request.sourceBranch &&
        c.targetBranch === targetBranch,
    );
    if (same) {
      throw new ConflictError(
        `Change request #${same.id} already proposes "${request.sourceBranch}" for "${targetBranch}"`,
      );
    }
    const created = await this.changeRequests.create({
      owner,
      repo: name,
      title: request.title,
      description: request.description ?? '',
      sourceBranch: request.sourceBranch,
      targetBranch,
      createdBy,
    });
    return { ...created, changedFiles };
  }

  async listChangeRequests(
    owner: string,
    name: string,
    status?: GitHostChangeRequest['status'],
  ) {
    await this.repos.get(owner, name);
    return this.changeRequests.list(owner, name, status);
  }

  async getChangeRequest(owner: string, name: string, id: number) {
    const found = await this.changeRequests.get(owner, name, id);
    if (!found) {
      throw new NotFoundError(`No change request #${id} in ${owner}/${name}`);
    }
    const changedFiles = await this.repos
      .changedFiles(owner, name, found.targetBranch, found.sourceBranch)
      .catch(() => []);
    return { ...found, changedFiles };
  }
}
