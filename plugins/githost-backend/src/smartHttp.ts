import { spawn } from 'node:child_process';
import { createGunzip } from 'node:zlib';
import express from 'express';
import Router from 'express-promise-router';
import { InputError } from '@backstage/errors';
import { GitRepositories } from './service/GitRepositories';
import { gitEnv } from './service/git';

/**
 * `git clone` and `git fetch` over HTTP (git's "smart" protocol, read only),
 * served by the machine's `git upload-pack`. Pushing is not offered: changes go
 * through the JSON API, which checks names, permissions and branch moves.
 */
export function createSmartHttpRouter(options: {
  repos: GitRepositories;
  authorize: (req: express.Request) => Promise<unknown>;
}): express.Router {
  const { repos, authorize } = options;
  const router = Router();

  async function repoDir(req: express.Request) {
    await authorize(req);
    const name = req.params.repo.replace(/\.git$/, '');
    await repos.get(req.params.owner, name);
    return repos.gitDir(req.params.owner, name);
  }

  router.get('/:owner/:repo/info/refs', async (req, res) => {
    if (req.query.service !== 'git-upload-pack') {
      throw new InputError(
        'Only git-upload-pack (clone and fetch) is served; the local git host takes changes through its API',
      );
    }
    const dir = await repoDir(req);
    res.setHeader(
      'Content-Type',
      'application/x-git-upload-pack-advertisement',
    );
    res.setHeader('Cache-Control', 'no-cache');
    const protocol = req.header('Git-Protocol');
    // Protocol v0 expects a service announcement before the refs; v2 does not.
    if (!protocol?.includes('version=2')) {
      res.write(pktLine('# service=git-upload-pack\n'));
      res.write('0000');
    }
    runUploadPack(dir, ['--advertise-refs'], protocol, undefined, res);
  });

  router.post('/:owner/:repo/git-upload-pack', async (req, res) => {
    const dir = await repoDir(req);
    res.setHeader('Content-Type', 'application/x-git-upload-pack-result');
    res.setHeader('Cache-Control', 'no-cache');
    const body =
      req.header('Content-Encoding') === 'gzip'
        ? req.pipe(createGunzip())
        : req;
    runUploadPack(dir, [], req.header('Git-Protocol'), body, res);
  });
  return router;
}

function runUploadPack(
  dir: string,
  args: string[],
  protocol: string | undefined,
  input: NodeJS.ReadableStream | undefined,
  res: express.Response,
) {
  const child = spawn('git', ['upload-pack', '--stateless-rpc', ...args, dir], {
    env: gitEnv(undefined, protocol ? { GIT_PROTOCOL: protocol } : {}),
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'ignore'],
  });
  if (input && child.stdin) input.pipe(child.stdin);
  child.stdout!.pipe(res);
  child.on('error', () => res.destroy());
}

function pktLine(text: string) {
  return `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
}
