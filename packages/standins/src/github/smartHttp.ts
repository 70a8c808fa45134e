import { spawn } from 'node:child_process';
import zlib from 'node:zlib';
import express, { Request, Response } from 'express';
import { GitStore } from './gitStore';
import { GithubWorld } from './model';
import { GithubTokenLimits } from './tokenLimits';

const SERVICES = ['git-upload-pack', 'git-receive-pack'] as const;
type Service = (typeof SERVICES)[number];

/** A pkt-line: four hex digits of length, then the data. */
const pktLine = (data: string) =>
  `${(data.length + 4).toString(16).padStart(4, '0')}${data}`;

/** The token of HTTP basic auth (git sends the token as the password). */
function basicToken(req: Request): string | undefined {
  const match = req.get('authorization')?.match(/^basic\s+(.+)$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString();
  return decoded.slice(decoded.indexOf(':') + 1) || undefined;
}

/**
 * Git's smart HTTP protocol at `/{owner}/{repo}.git`, as github.com serves it:
 * `git clone`, `git fetch` and `git push` with the token as the password. The
 * stand-in runs the machine's `git upload-pack` / `git receive-pack
 * --stateless-rpc` on its bare repositories, and reads pushed branches into
 * the world. Pushing needs a token; a token denied `push` gets a 403.
 */
export function createSmartHttpRouter(options: {
  world: GithubWorld;
  store: GitStore;
  limits: GithubTokenLimits;
  isToken: (token: string) => boolean;
}): express.Router {
  const { world, store, limits, isToken } = options;
  const router = express.Router();

  /** Checks who asks; answers and returns false when they may not. */
  const admit = (req: Request, res: Response, service: Service) => {
    const token = basicToken(req);
    if (token && !isToken(token)) {
      res.status(401).set('WWW-Authenticate', 'Basic realm="GitHub"');
      res.send('Invalid username or token.');
      return false;
    }
    if (service === 'git-receive-pack') {
      if (!token) {
        res.status(401).set('WWW-Authenticate', 'Basic realm="GitHub"');
        res.send('Authentication required to push.');
        return false;
      }
      if (!limits.allows(token, 'push')) {
        const { owner, repo } = req.params;
        res
          .status(403)
          .send(`Permission to ${owner}/${repo}.git denied to the token.`);
        return false;
      }
    }
    if (!world.findRepo(req.params.owner, req.params.repo)) {
      res.status(404).send('Repository not found.');
      return false;
    }
    return true;
  };

  router.get('/:owner/:repo.git/info/refs', async (req, res, next) => {
    const service = req.query.service as Service;
    if (!SERVICES.includes(service)) {
      res.status(403).send('Only the smart HTTP protocol is served.');
      return;
    }
    if (!admit(req, res, service)) return;
    try {
      const dir = await store.ensure(req.params.owner, req.params.repo);
      const child = spawn(
        'git',
        [service.slice(4), '--stateless-rpc', '--advertise-refs', dir],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      res.set('Content-Type', `application/x-${service}-advertisement`);
      res.set('Cache-Control', 'no-cache');
      child.on('error', e => res.destroy(e));
      res.write(`${pktLine(`# service=${service}\n`)}0000`);
      child.stdout.pipe(res);
    } catch (e) {
      next(e);
    }
  });

  router.post('/:owner/:repo.git/:service', async (req, res, next) => {
    const service = req.params.service as Service;
    if (!SERVICES.includes(service)) {
      res.status(404).send('Not found.');
      return;
    }
    if (!admit(req, res, service)) return;
    const { owner, repo } = req.params;
    try {
      const dir = await store.ensure(owner, repo);
      const child = spawn('git', [service.slice(4), '--stateless-rpc', dir], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      // A git that stops reading early must not bring the server down.
      child.stdin.on('error', () => undefined);
      child.on('error', e => res.destroy(e));
      const body =
        req.get('content-encoding') === 'gzip'
          ? req.pipe(zlib.createGunzip())
          : req;
      body.pipe(child.stdin);
      res.set('Content-Type', `application/x-${service}-result`);
      res.set('Cache-Control', 'no-cache');
      child.stdout.pipe(res, { end: false });
      child.on('close', async () => {
        if (service === 'git-receive-pack') {
          await store.importBranches(owner, repo).catch(() => undefined);
        }
        res.end();
      });
    } catch (e) {
      next(e);
    }
  });

  return router;
}
