import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GithubCommit, GithubWorld } from './model';

const exec = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Reads blobs by id with one `git cat-file --batch`. */
function readBlobs(dir: string, ids: string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: dir });
    const chunks: Buffer[] = [];
    child.stdout.on('data', c => chunks.push(c));
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) {
        reject(new Error(`git cat-file exited with ${code}`));
        return;
      }
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let at = 0;
      while (at < out.length) {
        const eol = out.indexOf(0x0a, at);
        const [id, , size] = out.subarray(at, eol).toString().split(' ');
        const start = eol + 1;
        blobs.set(id, out.subarray(start, start + Number(size)));
        at = start + Number(size) + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(ids.map(id => `${id}\n`).join(''));
  });
}

/**
 * Real bare git repositories behind the stand-in's repositories, in a
 * temporary folder, so `git push` and `git clone` work against it as against
 * GitHub. After a push the pushed branches are read back into the world, so
 * the REST and GraphQL APIs serve the pushed files (with git's own commit ids).
 */
export class GitStore {
  private root?: Promise<string>;

  constructor(private readonly world: GithubWorld) {}

  private async dirOf(owner: string, repo: string): Promise<string> {
    this.root ??= fs.mkdtemp(path.join(os.tmpdir(), 'standin-github-git-'));
    return path.join(
      await this.root,
      owner.toLowerCase(),
      `${repo.toLowerCase()}.git`,
    );
  }

  /** The bare repository of a world repository, made empty on first use. */
  async ensure(owner: string, repo: string): Promise<string> {
    const known = this.world.findRepo(owner, repo);
    if (!known) throw new Error(`stand-in: no repository ${owner}/${repo}`);
    const dir = await this.dirOf(owner, repo);
    const exists = await fs
      .stat(path.join(dir, 'HEAD'))
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      await fs.mkdir(dir, { recursive: true });
      await git(dir, [
        'init',
        '--quiet',
        '--bare',
        `--initial-branch=${known.defaultBranch}`,
      ]);
    }
    return dir;
  }

  async remove(owner: string, repo: string): Promise<void> {
    await fs.rm(await this.dirOf(owner, repo), {
      recursive: true,
      force: true,
    });
  }

  /** Reads every branch of the bare repository into the world's repository. */
  async importBranches(owner: string, repo: string): Promise<void> {
    const target = this.world.repo(owner, repo);
    const dir = await this.ensure(owner, repo);
    const refs = await git(dir, [
      'for-each-ref',
      '--format=%(refname:short) %(objectname)',
      'refs/heads',
    ]);
    const heads = refs
      .split('\n')
      .filter(Boolean)
      .map(line => line.split(' ') as [string, string]);
    for (const [branch, sha] of heads) {
      if (target.branches.get(branch)?.sha === sha) continue;
      target.branches.set(branch, await this.readCommit(dir, sha));
      target.commits.set(sha, target.branches.get(branch)!);
    }
    for (const branch of [...target.branches.keys()]) {
      if (!heads.some(([b]) => b === branch)) target.branches.delete(branch);
    }
    // GitHub makes the first pushed branch the default of an empty repository.
    if (!target.branches.has(target.defaultBranch) && heads.length) {
      target.defaultBranch = heads[0][0];
    }
  }

  private async readCommit(dir: string, sha: string): Promise<GithubCommit> {
    const [parent, author, date, ...message] = (
      await git(dir, ['log', '-1', '--format=%P%n%an%n%aI%n%B', sha])
    ).split('\n');
    const tree = await git(dir, ['ls-tree', '-r', '-z', '--full-tree', sha]);
    const entries = tree
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [meta, file] = line.split('\t');
        return { id: meta.split(' ')[2], type: meta.split(' ')[1], file };
      })
      .filter(e => e.type === 'blob');
    const blobs = await readBlobs(
      dir,
      entries.map(e => e.id),
    );
    return {
      sha,
      parent: parent.split(' ')[0] || undefined,
      author,
      date,
      message: message.join('\n').trim(),
      files: new Map(entries.map(e => [e.file, blobs.get(e.id)!])),
    };
  }

  /** Removes the temporary folder. */
  async dispose(): Promise<void> {
    if (this.root)
      await fs.rm(await this.root, { recursive: true, force: true });
  }
}
