import express, { Request, Response } from 'express';
import { GitStore } from './gitStore';
import { GithubWorld } from './model';
import { GithubUrls, orgJson, repoJson } from './shapes';
import { GithubTokenLimits } from './tokenLimits';

const DOCS = 'https://docs.github.com/rest';

const answer = (
  res: Response,
  status: number,
  message: string,
  extra: object = {},
) =>
  res.status(status).json({
    message,
    documentation_url: DOCS,
    status: String(status),
    ...extra,
  });

/**
 * The REST endpoints that make and unmake repositories, as `publish:github`
 * and the portal's clean-up call them: an organisation as a user
 * (`GET /users/{org}`, which says `type: Organization`), creating a repository
 * in an organisation (422 when the name is taken), deleting one (403 for a
 * token denied `delete`, as without `delete_repo`), and the settings
 * publish:github applies after creating: branch protection, topics, team and
 * collaborator access. Every change needs a token.
 */
export function createRepoWriteRouter(options: {
  world: GithubWorld;
  store: GitStore;
  limits: GithubTokenLimits;
  urls: () => GithubUrls;
  tokenOf: (req: Request) => string | undefined;
}): express.Router {
  const { world, store, limits, urls, tokenOf } = options;
  const router = express.Router();

  /** Writes need a token; answers 401 and returns false without one. */
  const signedIn = (req: Request, res: Response) => {
    if (tokenOf(req)) return true;
    answer(res, 401, 'Requires authentication');
    return false;
  };

  const repoOr404 = (req: Request, res: Response) => {
    const repo = world.findRepo(req.params.owner, req.params.repo);
    if (!repo) answer(res, 404, 'Not Found');
    return repo;
  };

  // GitHub answers an organisation's login on /users too, with its type.
  router.get('/users/:login', (req, res, next) => {
    const org = world.orgs.get(req.params.login.toLowerCase());
    if (!org || world.users.has(req.params.login.toLowerCase())) {
      next();
      return;
    }
    res.json({ ...orgJson(urls(), org), type: 'Organization' });
  });

  router.post('/orgs/:org/repos', (req, res) => {
    if (!signedIn(req, res)) return;
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org) {
      answer(res, 404, 'Not Found');
      return;
    }
    const name = String(req.body?.name ?? '');
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
      answer(res, 422, 'Repository creation failed.', {
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name is invalid',
          },
        ],
      });
      return;
    }
    if (world.findRepo(org.login, name)) {
      answer(res, 422, 'Repository creation failed.', {
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name already exists on this account',
          },
        ],
      });
      return;
    }
    const visibility =
      req.body.visibility ?? (req.body.private ? 'private' : 'public');
    const repo = world.addRepo(org.login, {
      name,
      description: req.body.description ?? undefined,
      visibility,
    });
    res.status(201).json(repoJson(urls(), repo));
  });

  router.delete('/repos/:owner/:repo', async (req, res, next) => {
    if (!signedIn(req, res)) return;
    const repo = repoOr404(req, res);
    if (!repo) return;
    if (!limits.allows(tokenOf(req), 'delete')) {
      answer(res, 403, 'Must have admin rights to Repository.');
      return;
    }
    try {
      world.deleteRepo(repo.owner, repo.name);
      await store.remove(repo.owner, repo.name);
      res.status(204).end();
    } catch (e) {
      next(e);
    }
  });

  router.put('/repos/:owner/:repo/branches/:branch/protection', (req, res) => {
    if (!signedIn(req, res)) return;
    const repo = repoOr404(req, res);
    if (!repo) return;
    if (!repo.branches.has(req.params.branch)) {
      answer(res, 404, 'Branch not found');
      return;
    }
    const base = `${urls().api}/repos/${repo.owner}/${repo.name}/branches/${
      req.params.branch
    }/protection`;
    res.json({
      url: base,
      required_status_checks: req.body.required_status_checks ?? null,
      enforce_admins: {
        url: `${base}/enforce_admins`,
        enabled: Boolean(req.body.enforce_admins),
      },
      required_pull_request_reviews:
        req.body.required_pull_request_reviews ?? null,
      restrictions: req.body.restrictions ?? null,
    });
  });

  router.put('/repos/:owner/:repo/topics', (req, res) => {
    if (!signedIn(req, res)) return;
    const repo = repoOr404(req, res);
    if (!repo) return;
    repo.topics = (req.body.names ?? []).map(String);
    res.json({ names: repo.topics });
  });

  router.put('/repos/:owner/:repo/collaborators/:username', (req, res) => {
    if (!signedIn(req, res)) return;
    if (!repoOr404(req, res)) return;
    if (!world.users.has(req.params.username.toLowerCase())) {
      answer(res, 404, 'Not Found');
      return;
    }
    res.status(204).end();
  });

  router.put('/orgs/:org/teams/:slug/repos/:owner/:repo', (req, res) => {
    if (!signedIn(req, res)) return;
    if (!repoOr404(req, res)) return;
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org?.teams.has(req.params.slug)) {
      answer(res, 404, 'Not Found');
      return;
    }
    res.status(204).end();
  });

  return router;
}
