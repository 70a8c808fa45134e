import fs from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NotFoundError } from '@backstage/errors';
import { GitHostTreeEntry } from '@internal/plugin-githost-common';
import { git, gitOk } from './git';
import { assertName, assertRef, normalizeRepoPath } from './paths';

/** A repository as stored on disk, without the URLs the router adds. */
export interface StoredRepository {
  owner: string;
  name: string;
  description: string;
  defaultBranch: string;
}

/**
 * Finding and reading the local git host's repositories: bare git repositories
 * at `<root>/<owner>/<name>.git`, read with the machine's `git`. Writing is
 * {@link GitRepositories}'s.
 */
export class RepositoryLookup {
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

  protected async treeAt(
    owner: string,
    name: string,
    ref: string,
    path: string,
  ) {
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

  protected async existingDir(owner: string, name: string) {
    await this.get(owner, name);
    return this.gitDir(owner, name);
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return fs.readdir(dir).then(
    names => names.filter(n => !n.startsWith('.')),
    () => [],
  );
}
