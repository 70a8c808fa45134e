import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { resolve as resolvePath, join } from 'node:path';
import { Readable } from 'node:stream';
import { Config } from '@backstage/config';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  GitHostBranch,
  GitHostCommitRequest,
  GitHostCreateRepositoryRequest,
  GitHostTreeEntry,
} from '@internal/plugin-githost-common';
import { fastImportScript } from './commit';
import { git, gitOk } from './git';
import {
  assertBranch,
  assertName,
  assertRef,
  normalizeRepoPath,
} from './paths';

/** A repository as stored on disk, without the URLs the router adds. */
export interface StoredRepository {
  owner: string;
  name: string;
  description: string;
  defaultBranch: string;
}

const NO_COMMIT = '0'.repeat(40);

/**
 * The repositories of the local git host: real bare git repositories at
 * `<directory>/<owner>/<name>.git`, read and written with the machine's `git`.
 * Branch updates are compare-and-swap (`git update-ref <new> <old>`), so two
 * writers never lose each other's commits.
 */
export class GitRepositories {
  /** Reads `githost.directory` (default `./data/githost`, relative to the backend's folder). */
  static fromConfig(config: Config): GitRepositories {
    const dir =
      config.getOptionalString('githost.directory') ?? './data/githost';
    return new GitRepositories(resolvePath(dir));
  }

  constructor(readonly root: string) {}

  /** The bare repository's folder; validates both names. */
  gitDir(owner: string, name: string): string {
    assertName('owner', owner);
    assertName('repository', name);
    return join(this.root, owner, `${name}.git`);
  }

  async list(): Promise<StoredRepository[]> {
    const owners = await readdirOrEmpty(this.root);
    const repos: StoredRepository[] = [];
    for (const owner of owners.sort()) {
      for (const entry of (
        await readdirOrEmpty(join(this.root, owner))
      ).sort()) {
        const name = entry.replace(/\.git$/, '');
        if (entry.endsWith('.git') && (await this.exists(owner, name))) {
          repos.push(await this.get(owner, name));
        }
      }
    }
    return repos;
  }

  async exists(owner: string, name: string): Promise<boolean> {
    const dir = this.gitDir(owner, name);
    return fs.stat(join(dir, 'HEAD')).then(
      () => true,
      () => false,
    );
  }

  async get(owner: string, name: string): Promise<StoredRepository> {
    const dir = this.gitDir(owner, name);
    if (!(await this.exists(owner, name))) {
      throw new NotFoundError(
        `No repository ${owner}/${name} on the local git host`,
      );
    }
    const head = (await fs.readFile(join(dir, 'HEAD'), 'utf8')).trim();
    const description = await fs
      .readFile(join(dir, 'description'), 'utf8')
      .catch(() => '');
    return {
      owner,
      name,
      description: description.startsWith('Unnamed repository')
        ? ''
        : description.trim(),
      defaultBranch: head.replace(/^ref: refs\/heads\//, ''),
    };
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

  /** The commit a branch name or commit id points at; 404 when there is none. */
  async resolveCommit(
    owner: string,
    name: string,
    ref: string,
  ): Promise<string> {
    assertRef(ref);
    const dir = await this.existingDir(owner, name);
    const res = await git(
      ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
      {
        gitDir: dir,
      },
    );
    if (res.code !== 0) {
      throw new NotFoundError(
        `No branch or commit "${ref}" in ${owner}/${name}`,
      );
    }
    return res.stdout.toString().trim();
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

  async readFile(owner: string, name: string, ref: string, path: string) {
    const commit = await this.resolveCommit(owner, name, ref);
    const file = normalizeRepoPath(path);
    const dir = this.gitDir(owner, name);
    const type = await git(['cat-file', '-t', `${commit}:${file}`], {
      gitDir: dir,
    });
    if (type.code !== 0 || type.stdout.toString().trim() !== 'blob') {
      throw new NotFoundError(
        `No file "${file}" at ${ref} in ${owner}/${name}`,
      );
    }
    const blob = (
      await gitOk(['rev-parse', `${commit}:${file}`], { gitDir: dir })
    )
      .toString()
      .trim();
    const content = await gitOk(['cat-file', 'blob', blob], { gitDir: dir });
    return { content, blob, commit };
  }

  /** Every file under `path` (recursively), relative to `path`. */
  async listTree(owner: string, name: string, ref: string, path = '') {
    const { commit, tree, dir } = await this.treeAt(owner, name, ref, path);
    const out = await gitOk(['ls-tree', '-r', '-z', '-l', tree], {
      gitDir: dir,
    });
    const entries: GitHostTreeEntry[] = out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [meta, file] = line.split('\t');
        const [, type, , size] = meta.split(/\s+/);
        return {
          path: file,
          type: type === 'tree' ? 'tree' : 'blob',
          size: Number(size) || 0,
        };
      });
    return { entries, tree, commit };
  }

  /**
   * A tar archive of `path` at `ref`, its files under one top folder (`repo/`).
   * Read whole before it is returned, so a failing `git archive` is an error with
   * git's own words rather than a truncated stream (repositories here are small).
   */
  async archive(owner: string, name: string, ref: string, path = '') {
    const { tree, dir } = await this.treeAt(owner, name, ref, path);
    const tar = await gitOk(
      ['archive', '--format=tar', '--prefix=repo/', tree],
      {
        gitDir: dir,
      },
    );
    return { stream: Readable.from([tar]), tree };
  }

  /** The files `head` changes against the common ancestor with `base`. */
  async changedFiles(owner: string, name: string, base: string, head: string) {
    const dir = await this.existingDir(owner, name);
    const out = await gitOk(
      ['diff', '--name-only', '-z', `${base}...${head}`],
      { gitDir: dir },
    );
    return out.toString('utf8').split('\0').filter(Boolean);
  }

  private async treeAt(owner: string, name: string, ref: string, path: string) {
    const commit = await this.resolveCommit(owner, name, ref);
    const dir = this.gitDir(owner, name);
    const sub = normalizeRepoPath(path);
    // `<commit>:<path>^{tree}` reads `^{tree}` as part of the path: resolve, then check the type.
    const res = await git(
      [
        'rev-parse',
        '--verify',
        '--quiet',
        sub ? `${commit}:${sub}` : `${commit}^{tree}`,
      ],
      {
        gitDir: dir,
      },
    );
    const type =
      res.code === 0
        ? (
            await git(['cat-file', '-t', res.stdout.toString().trim()], {
              gitDir: dir,
            })
          ).stdout
            .toString()
            .trim()
        : '';
    if (type !== 'tree') {
      throw new NotFoundError(
        `No folder "${sub || '/'}" at ${ref} in ${owner}/${name}`,
      );
    }
    return { commit, tree: res.stdout.toString().trim(), dir };
  }

  private async existingDir(owner: string, name: string) {
    await this.get(owner, name);
    return this.gitDir(owner, name);
  }
}

/**
 * Writes a commit with `git fast-import` on a private ref, then moves the
 * branch to it only if the branch is still where it was (compare-and-swap).
 */
async function writeCommit(
  gitDir: string,
  request: Omit<GitHostCommitRequest, 'expectedHead'>,
  parent: string | undefined,
): Promise<string> {
  const tmpRef = `refs/githost-import/${randomBytes(6).toString('hex')}`;
  const script = fastImportScript({ ...request, ref: tmpRef, parent });
  try {
    await gitOk(['fast-import', '--quiet', '--done'], {
      gitDir,
      input: script,
    });
    const commit = (await gitOk(['rev-parse', tmpRef], { gitDir }))
      .toString()
      .trim();
    const swap = await git(
      [
        'update-ref',
        `refs/heads/${request.branch}`,
        commit,
        parent ?? NO_COMMIT,
      ],
      { gitDir },
    );
    if (swap.code !== 0) {
      throw new ConflictError(
        `The branch "${request.branch}" moved while the commit was written; retry`,
      );
    }
    return commit;
  } finally {
    await git(['update-ref', '-d', tmpRef], { gitDir });
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return fs.readdir(dir).then(
    names => names.filter(n => !n.startsWith('.')),
    () => [],
  );
}

function lines(out: Buffer) {
  return out.toString('utf8').split('\n').filter(Boolean);
}
