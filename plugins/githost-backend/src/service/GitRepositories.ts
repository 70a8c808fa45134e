import fs from 'node:fs/promises';
import { resolve as resolvePath, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Config } from '@backstage/config';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  GitHostBranch,
  GitHostCommitRequest,
  GitHostCreateRepositoryRequest,
} from '@internal/plugin-githost-common';
import { NO_COMMIT, writeCommit } from './commit';
import { git, gitOk, lines } from './git';
import { assertBranch } from './paths';
import { RepositoryLookup, StoredRepository } from './RepositoryLookup';

export type { StoredRepository };

/**
 * The repositories of the local git host: real bare git repositories at
 * `<directory>/<owner>/<name>.git`, read and written with the machine's `git`.
 * Branch updates are compare-and-swap (`git update-ref <new> <old>`), so two
 * writers never lose each other's commits.
 */
export class GitRepositories extends RepositoryLookup {
  /** Reads `githost.directory` (default `./data/githost`, relative to the backend's folder). */
  static fromConfig(config: Config): GitRepositories {
    const dir =
      config.getOptionalString('githost.directory') ?? './data/githost';
    return new GitRepositories(resolvePath(dir));
  }

  /**
   * Creates a repository, with its first commit when given. All or nothing: the
   * repository is built in a hidden folder and moved into place only once the
   * commit is written, so a failure leaves no half-made repository behind.
   */
  async create(
    request: GitHostCreateRepositoryRequest,
  ): Promise<StoredRepository> {
    const { owner, name } = request;
    const defaultBranch = request.defaultBranch ?? 'main';
    assertBranch(defaultBranch);
    const final = this.gitDir(owner, name);
    await fs.mkdir(join(this.root, owner), { recursive: true });
    // Reserve the name: mkdir fails when another request (or an old repository) has it.
    try {
      await fs.mkdir(final);
    } catch (e: any) {
      if (e.code === 'EEXIST') {
        throw new ConflictError(
          `A repository named ${owner}/${name} already exists on the local git host`,
        );
      }
      throw e;
    }
    const tmp = join(
      this.root,
      owner,
      `.creating-${name}-${randomBytes(4).toString('hex')}.git`,
    );
    try {
      await gitOk([
        'init',
        '--quiet',
        '--bare',
        `--initial-branch=${defaultBranch}`,
        tmp,
      ]);
      await fs.writeFile(
        join(tmp, 'description'),
        `${request.description ?? ''}\n`,
      );
      if (request.initialCommit) {
        await writeCommit(
          tmp,
          {
            ...request.initialCommit,
            branch: defaultBranch,
          },
          undefined,
        );
      }
      // rename(2) replaces the empty reserved folder in one step.
      await fs.rename(tmp, final);
    } catch (e) {
      await fs.rm(tmp, { recursive: true, force: true });
      await fs.rmdir(final).catch(() => {});
      throw e;
    }
    return this.get(owner, name);
  }

  async delete(owner: string, name: string): Promise<void> {
    if (!(await this.exists(owner, name))) {
      throw new NotFoundError(
        `No repository ${owner}/${name} on the local git host`,
      );
    }
    await fs.rm(this.gitDir(owner, name), { recursive: true, force: true });
  }

  async branches(owner: string, name: string): Promise<GitHostBranch[]> {
    const dir = await this.existingDir(owner, name);
    const out = await gitOk(
      [
        'for-each-ref',
        '--format=%(refname:strip=2) %(objectname)',
        'refs/heads/',
      ],
      { gitDir: dir },
    );
    return lines(out).map(line => {
      const [branch, commit] = line.split(' ');
      return { name: branch, commit };
    });
  }

  async createBranch(
    owner: string,
    name: string,
    branch: string,
    from?: string,
  ) {
    assertBranch(branch);
    const repo = await this.get(owner, name);
    const commit = await this.resolveCommit(
      owner,
      name,
      from ?? repo.defaultBranch,
    );
    const res = await git(
      ['update-ref', `refs/heads/${branch}`, commit, NO_COMMIT],
      {
        gitDir: this.gitDir(owner, name),
      },
    );
    if (res.code !== 0) {
      throw new ConflictError(
        `The branch "${branch}" already exists in ${owner}/${name}`,
      );
    }
    return { name: branch, commit };
  }

  /** Writes one commit on an existing branch. */
  async commit(
    owner: string,
    name: string,
    request: GitHostCommitRequest,
  ): Promise<GitHostBranch> {
    assertBranch(request.branch);
    const dir = await this.existingDir(owner, name);
    const head = await this.resolveCommit(owner, name, request.branch);
    if (request.expectedHead && request.expectedHead !== head) {
      throw new ConflictError(
        `The branch "${request.branch}" is at ${head}, not at ${request.expectedHead}; read it again and retry`,
      );
    }
    const commit = await writeCommit(dir, request, head);
    return { name: request.branch, commit };
  }
}
