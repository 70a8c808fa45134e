import express, { Request, Response } from 'express';
import { gitBlobSha, GithubRepo, GithubWorld } from './model';
import { paginate } from './pagination';
import { commitJson, GithubUrls, repoJson } from './shapes';

/** A pull request as the stand-in keeps it. */
export interface GithubPull {
  number: number;
  title: string;
  body: string;
  /** The branch it proposes to merge (in the same repository). */
  head: string;
  base: string;
  state: 'open' | 'closed';
  user: string;
  createdAt: string;
}

// Kept beside the world's repositories (not in them), so a deleted repository
// takes its pull requests with it and the shared model stays unchanged.
const pullsByRepo = new WeakMap<GithubRepo, GithubPull[]>();

/** The pull requests of a repository, oldest first (tests may close one). */
export function pullRequestsOf(repo: GithubRepo): GithubPull[] {
  let pulls = pullsByRepo.get(repo);
  if (!pulls) {
    pulls = [];
    pullsByRepo.set(repo, pulls);
  }
  return pulls;
}

const DOCS = 'https://docs.github.com/rest';

function fail(res: Response, status: number, message: string, errors?: any[]) {
  res.status(status).json({
    message,
    ...(errors ? { errors } : {}),
    documentation_url: DOCS,
    status: String(status),
  });
}

function pullJson(urls: GithubUrls, repo: GithubRepo, pull: GithubPull) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const ref = (branch: string) => ({
    label: `${repo.owner}:${branch}`,
    ref: branch,
    sha: repo.branches.get(branch)?.sha ?? null,
    repo: repoJson(urls, repo),
  });
  return {
    id: repo.id * 100_000 + pull.number,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    url: `${api}/pulls/${pull.number}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/pull/${pull.number}`,
    user: { login: pull.user, type: 'User' },
    created_at: pull.createdAt,
    head: ref(pull.head),
    base: ref(pull.base),
    draft: false,
    merged: false,
  };
}

/**
 * The REST endpoints that propose a change, as a client adding one file by
 * pull request calls them: a branch ref (read and create), a file written on a
 * branch (`PUT .../contents/{path}`, with GitHub's rule that replacing a file
 * needs its blob sha), and pull requests (list by `state`/`head`/`base`,
 * create, read; 422 when one from the same branch is already open). Writes
 * need a token, as on GitHub.
 */
export function createPullsRouter(options: {
  world: GithubWorld;
  urls: () => GithubUrls;
}): express.Router {
  const { world, urls } = options;
  const router = express.Router();

  const withRepo =
    (
      write: boolean,
      handler: (req: Request, res: Response, repo: GithubRepo) => void,
    ) =>
    (req: Request, res: Response) => {
      if (write && !req.get('authorization')) {
        fail(res, 401, 'Requires authentication');
        return;
      }
      const repo = world.findRepo(req.params.owner, req.params.repo);
      if (!repo) {
        fail(res, 404, 'Not Found');
        return;
      }
      handler(req, res, repo);
    };

  const refJson = (repo: GithubRepo, branch: string) => {
    const api = `${urls().api}/repos/${repo.owner}/${repo.name}`;
    const sha = repo.branches.get(branch)!.sha;
    return {
      ref: `refs/heads/${branch}`,
      node_id: Buffer.from(`03:Ref${repo.id}:${branch}`).toString('base64'),
      url: `${api}/git/refs/heads/${branch}`,
      object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
    };
  };

  router.get(
    // `heads/{branch}`; Octokit sends the slash encoded (`heads%2Fmain`).
    '/repos/:owner/:repo/git/ref/*',
    withRepo(false, (req, res, repo) => {
      const ref = (req.params as Record<string, string>)[0];
      const branch = ref.match(/^heads\/(.+)$/)?.[1];
      if (!branch || !repo.branches.has(branch)) {
        fail(res, 404, 'Not Found');
        return;
      }
      res.json(refJson(repo, branch));
    }),
  );

  router.post(
    '/repos/:owner/:repo/git/refs',
    withRepo(true, (req, res, repo) => {
      const ref = String(req.body?.ref ?? '');
      const sha = String(req.body?.sha ?? '');
      const branch = ref.match(/^refs\/heads\/(.+)$/)?.[1];
      if (!branch) {
        fail(res, 422, 'Reference name must start with refs/heads/');
        return;
      }
      if (repo.branches.has(branch)) {
        fail(res, 422, 'Reference already exists');
        return;
      }
      const commit = repo.commits.get(sha);
      if (!commit) {
        fail(res, 422, 'Object does not exist');
        return;
      }
      repo.branches.set(branch, commit);
      res.status(201).json(refJson(repo, branch));
    }),
  );

  router.put(
    '/repos/:owner/:repo/contents/*',
    withRepo(true, (req, res, repo) => {
      const path = (req.params as Record<string, string>)[0].replace(
        /^\/+|\/+$/g,
        '',
      );
      const { message, content, sha } = req.body ?? {};
      const branch = String(req.body?.branch ?? repo.defaultBranch);
      if (typeof message !== 'string' || typeof content !== 'string') {
        fail(
          res,
          422,
          'Invalid request.\n\n"message" and "content" are required.',
        );
        return;
      }
      const head = repo.branches.get(branch);
      if (!head) {
        fail(res, 404, `Branch ${branch} not found`);
        return;
      }
      const existing = head.files.get(path);
      if (existing && sha === undefined) {
        fail(res, 422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
        return;
      }
      if (existing && sha !== gitBlobSha(existing)) {
        fail(res, 409, `${path} does not match ${sha}`);
        return;
      }
      const data = Buffer.from(content, 'base64');
      const commit = world.commit(
        repo.owner,
        repo.name,
        { [path]: data },
        {
          branch,
          message,
          author: req.body?.committer?.name ?? req.body?.author?.name,
        },
      );
      res.status(existing ? 200 : 201).json({
        content: {
          name: path.split('/').pop(),
          path,
          sha: gitBlobSha(data),
          size: data.length,
          type: 'file',
          html_url: `${urls().web}/${repo.owner}/${
            repo.name
          }/blob/${branch}/${path}`,
        },
        commit: commitJson(urls(), repo, commit),
      });
    }),
  );

  router.get(
    '/repos/:owner/:repo/pulls',
    withRepo(false, (req, res, repo) => {
      const state = String(req.query.state ?? 'open');
      // `head` is `owner:branch`, as GitHub filters it.
      const head = req.query.head ? String(req.query.head) : undefined;
      const base = req.query.base ? String(req.query.base) : undefined;
      const pulls = pullRequestsOf(repo)
        .filter(p => state === 'all' || p.state === state)
        .filter(
          p =>
            !head ||
            `${repo.owner}:${p.head}`.toLowerCase() === head.toLowerCase(),
        )
        .filter(p => !base || p.base === base)
        .reverse();
      res.json(paginate(req, res, pulls).map(p => pullJson(urls(), repo, p)));
    }),
  );

  router.get(
    '/repos/:owner/:repo/pulls/:number',
    withRepo(false, (req, res, repo) => {
      const pull = pullRequestsOf(repo).find(
        p => p.number === Number(req.params.number),
      );
      if (!pull) {
        fail(res, 404, 'Not Found');
        return;
      }
      res.json(pullJson(urls(), repo, pull));
    }),
  );

  router.post(
    '/repos/:owner/:repo/pulls',
    withRepo(true, (req, res, repo) => {
      const { title, body } = req.body ?? {};
      const head = String(req.body?.head ?? '').replace(/^[^:]+:/, '');
      const base = String(req.body?.base ?? '');
      const invalid = (field: string, code = 'invalid') =>
        fail(res, 422, 'Validation Failed', [
          { resource: 'PullRequest', field, code },
        ]);
      if (typeof title !== 'string' || !title)
        return invalid('title', 'missing_field');
      if (!repo.branches.has(head)) return invalid('head');
      if (!repo.branches.has(base)) return invalid('base');
      if (repo.branches.get(head)!.sha === repo.branches.get(base)!.sha) {
        return fail(res, 422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${base} and ${head}`,
          },
        ]);
      }
      const pulls = pullRequestsOf(repo);
      if (pulls.some(p => p.state === 'open' && p.head === head)) {
        return fail(res, 422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${repo.owner}:${head}.`,
          },
        ]);
      }
      const pull: GithubPull = {
        number: pulls.reduce((n, p) => Math.max(n, p.number), 0) + 1,
        title,
        body: typeof body === 'string' ? body : '',
        head,
        base,
        state: 'open',
        user: 'standin-bot',
        createdAt: new Date().toISOString(),
      };
      pulls.push(pull);
      return res.status(201).json(pullJson(urls(), repo, pull));
    }),
  );

  return router;
}
