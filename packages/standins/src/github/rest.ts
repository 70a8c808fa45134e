import express, { Request, Response } from 'express';
import { gitBlobSha, GithubCommit, GithubRepo, GithubWorld } from './model';
import { paginate } from './pagination';
import { commitJson, GithubUrls, orgJson, repoJson, userJson } from './shapes';
import { tarGz } from './tarball';
import { createPullsRouter } from './pulls';

const notFound = (res: Response) =>
  res.status(404).json({
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });

/** The commits reachable from one, newest first. */
function history(repo: GithubRepo, from: GithubCommit): GithubCommit[] {
  const out: GithubCommit[] = [];
  for (
    let c: GithubCommit | undefined = from;
    c;
    c = c.parent ? repo.commits.get(c.parent) : undefined
  ) {
    out.push(c);
  }
  return out;
}

function changedPaths(repo: GithubRepo, commit: GithubCommit): string[] {
  const parent = commit.parent ? repo.commits.get(commit.parent) : undefined;
  const before = parent?.files ?? new Map<string, Buffer>();
  const paths = new Set([...before.keys(), ...commit.files.keys()]);
  return [...paths].filter(
    p =>
      !before.get(p)?.equals(commit.files.get(p) ?? Buffer.alloc(0)) ||
      !commit.files.has(p),
  );
}

/**
 * GitHub's REST API (under `/api/v3`, as GitHub Enterprise serves it): the
 * endpoints the portal's GitHub integration, discovery and coverage read.
 * `tokenUser` names the user an OAuth token belongs to, for `GET /user`.
 */
export function createRestRouter(options: {
  world: GithubWorld;
  urls: () => GithubUrls;
  tokenUser: (req: Request) => string | undefined;
  onNotModified: () => void;
}): express.Router {
  const { world, urls, tokenUser, onNotModified } = options;
  const router = express.Router();

  const withRepo =
    (handler: (req: Request, res: Response, repo: GithubRepo) => void) =>
    (req: Request, res: Response) => {
      const repo = world.findRepo(req.params.owner, req.params.repo);
      if (!repo) {
        notFound(res);
        return;
      }
      handler(req, res, repo);
    };

  /** 304 when the client already has this version, as GitHub answers. */
  const fresh = (req: Request, res: Response, etag: string) => {
    res.setHeader('ETag', etag);
    if (req.get('if-none-match') === etag) {
      onNotModified();
      res.status(304).end();
      return true;
    }
    return false;
  };

  router.get('/rate_limit', (_req, res) => {
    res.json({ resources: { core: { limit: 5000 } } });
  });

  router.get('/user', (req, res) => {
    const login = tokenUser(req);
    const user = login && world.users.get(login.toLowerCase());
    if (!user) {
      res.status(401).json({ message: 'Requires authentication' });
      return;
    }
    res.json(userJson(urls(), user));
  });

  router.get('/users/:login', (req, res) => {
    const user = world.users.get(req.params.login.toLowerCase());
    if (!user) {
      notFound(res);
      return;
    }
    res.json(userJson(urls(), user));
  });

  router.get('/orgs/:org', (req, res) => {
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org) {
      notFound(res);
      return;
    }
    res.json(orgJson(urls(), org));
  });

  router.get('/orgs/:org/repos', (req, res) => {
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org) {
      notFound(res);
      return;
    }
    const repos = [...org.repos.values()].sort((a, b) => a.id - b.id);
    res.json(paginate(req, res, repos).map(r => repoJson(urls(), r)));
  });

  router.get('/orgs/:org/members', (req, res) => {
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org) {
      notFound(res);
      return;
    }
    const members = org.members
      .map(login => world.users.get(login.toLowerCase())!)
      .map(u => userJson(urls(), u));
    res.json(paginate(req, res, members));
  });

  router.get('/orgs/:org/teams', (req, res) => {
    const org = world.orgs.get(req.params.org.toLowerCase());
    if (!org) {
      notFound(res);
      return;
    }
    const teams = [...org.teams.values()].map(t => ({
      slug: t.slug,
      name: t.name,
      description: t.description ?? null,
      parent: t.parent ? { slug: t.parent } : null,
    }));
    res.json(paginate(req, res, teams));
  });

  router.get('/orgs/:org/teams/:slug/members', (req, res) => {
    const team = world.orgs
      .get(req.params.org.toLowerCase())
      ?.teams.get(req.params.slug);
    if (!team) {
      notFound(res);
      return;
    }
    const members = team.members.map(login =>
      userJson(urls(), world.users.get(login.toLowerCase())!),
    );
    res.json(paginate(req, res, members));
  });

  router.get(
    '/repos/:owner/:repo',
    withRepo((_req, res, repo) => res.json(repoJson(urls(), repo))),
  );

  const contents = withRepo((req, res, repo) => {
    const commit = world.resolveRef(repo, req.query.ref as string | undefined);
    if (!commit) {
      notFound(res);
      return;
    }
    const path = (req.params[0] ?? '').replace(/^\/+|\/+$/g, '');
    const file = commit.files.get(path);
    const api = `${urls().api}/repos/${repo.owner}/${repo.name}`;
    const web = `${urls().web}/${repo.owner}/${repo.name}`;
    if (file) {
      const sha = gitBlobSha(file);
      const raw = (req.get('accept') ?? '').includes('raw');
      if (fresh(req, res, `"${sha}${raw ? '' : '-json'}"`)) return;
      res.setHeader('Last-Modified', new Date(commit.date).toUTCString());
      if (raw) {
        res.type('application/vnd.github.raw').send(file);
        return;
      }
      res.json({
        type: 'file',
        encoding: 'base64',
        size: file.length,
        name: path.split('/').pop(),
        path,
        content: file.toString('base64'),
        sha,
        url: `${api}/contents/${path}?ref=${commit.sha}`,
        html_url: `${web}/blob/${commit.sha}/${path}`,
        download_url: `${urls().web}/raw/${repo.owner}/${repo.name}/${
          commit.sha
        }/${path}`,
      });
      return;
    }
    const prefix = path ? `${path}/` : '';
    const entries = new Map<string, { type: 'file' | 'dir'; size: number }>();
    for (const [p, content] of commit.files) {
      if (!p.startsWith(prefix)) continue;
      const [first, ...rest] = p.slice(prefix.length).split('/');
      entries.set(first, {
        type: rest.length ? 'dir' : 'file',
        size: rest.length ? 0 : content.length,
      });
    }
    if (!entries.size) {
      notFound(res);
      return;
    }
    res.json(
      [...entries].map(([name, e]) => ({
        type: e.type,
        name,
        path: `${prefix}${name}`,
        size: e.size,
        url: `${api}/contents/${prefix}${name}?ref=${commit.sha}`,
        html_url: `${web}/${e.type === 'dir' ? 'tree' : 'blob'}/${
          commit.sha
        }/${prefix}${name}`,
      })),
    );
  });
  router.get('/repos/:owner/:repo/contents', contents);
  router.get('/repos/:owner/:repo/contents/*', contents);

  router.get(
    '/repos/:owner/:repo/commits/:ref/status',
    withRepo((req, res, repo) => {
      const commit = world.resolveRef(repo, req.params.ref);
      if (!commit) {
        notFound(res);
        return;
      }
      res.json({
        state: 'success',
        sha: commit.sha,
        total_count: 0,
        statuses: [],
        repository: repoJson(urls(), repo),
      });
    }),
  );

  router.get(
    '/repos/:owner/:repo/commits',
    withRepo((req, res, repo) => {
      const head = world.resolveRef(repo, req.query.sha as string | undefined);
      if (!head) {
        notFound(res);
        return;
      }
      const since = req.query.since ? Date.parse(String(req.query.since)) : 0;
      const path = req.query.path ? String(req.query.path) : undefined;
      const author = req.query.author ? String(req.query.author) : undefined;
      const commits = history(repo, head).filter(
        c =>
          Date.parse(c.date) >= since &&
          (!author || c.author.toLowerCase() === author.toLowerCase()) &&
          (!path || changedPaths(repo, c).some(p => p.startsWith(path))),
      );
      res.json(
        paginate(req, res, commits).map(c =>
          commitJson(urls(), repo, c, world.users.get(c.author.toLowerCase())),
        ),
      );
    }),
  );

  router.get(
    '/repos/:owner/:repo/commits/:ref',
    withRepo((req, res, repo) => {
      const commit = world.resolveRef(repo, req.params.ref);
      if (!commit) {
        notFound(res);
        return;
      }
      res.json(
        commitJson(
          urls(),
          repo,
          commit,
          world.users.get(commit.author.toLowerCase()),
        ),
      );
    }),
  );

  router.get(
    '/repos/:owner/:repo/branches/:branch',
    withRepo((req, res, repo) => {
      const commit = repo.branches.get(req.params.branch);
      if (!commit) {
        notFound(res);
        return;
      }
      res.json({
        name: req.params.branch,
        commit: commitJson(urls(), repo, commit),
        protected: false,
      });
    }),
  );

  const tarball = withRepo((req, res, repo) => {
    const commit = world.resolveRef(repo, req.params.ref);
    if (!commit) {
      notFound(res);
      return;
    }
    res
      .type('application/x-gzip')
      .send(
        tarGz(
          `${repo.owner}-${repo.name}-${commit.sha.slice(0, 7)}`,
          commit.files,
        ),
      );
  });
  router.get('/repos/:owner/:repo/tarball', tarball);
  router.get('/repos/:owner/:repo/tarball/:ref', tarball);

  router.get(
    '/repos/:owner/:repo/git/trees/:sha',
    withRepo((req, res, repo) => {
      const commit = world.resolveRef(repo, req.params.sha);
      if (!commit) {
        notFound(res);
        return;
      }
      const api = `${urls().api}/repos/${repo.owner}/${repo.name}`;
      const dirs = new Set<string>();
      for (const p of commit.files.keys()) {
        const parts = p.split('/');
        for (let i = 1; i < parts.length; i++) {
          dirs.add(parts.slice(0, i).join('/'));
        }
      }
      res.json({
        sha: commit.sha,
        truncated: false,
        tree: [
          ...[...dirs].map(path => ({ path, mode: '040000', type: 'tree' })),
          ...[...commit.files].map(([path, content]) => {
            const sha = gitBlobSha(content);
            return {
              path,
              mode: '100644',
              type: 'blob',
              sha,
              size: content.length,
              url: `${api}/git/blobs/${sha}`,
            };
          }),
        ],
      });
    }),
  );

  router.get(
    '/repos/:owner/:repo/git/blobs/:sha',
    withRepo((req, res, repo) => {
      for (const commit of repo.commits.values()) {
        for (const content of commit.files.values()) {
          if (gitBlobSha(content) === req.params.sha) {
            res.json({
              sha: req.params.sha,
              size: content.length,
              encoding: 'base64',
              content: content.toString('base64'),
            });
            return;
          }
        }
      }
      notFound(res);
    }),
  );

  // Branches, files written on a branch and pull requests (pulls.ts).
  router.use(createPullsRouter({ world, urls }));
  router.use((_req, res) => notFound(res));
  return router;
}
