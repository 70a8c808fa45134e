import crypto from 'node:crypto';
import { NextFunction, Request, Response, Router } from 'express';
import { CommitRecord, GithubDeploymentsWorld } from './world';

function compareStatus(base: number, head: number) {
  if (head > base) return 'ahead';
  if (head === base) return 'identical';
  return 'behind';
}

function userShape(login: string, base: string) {
  return {
    login,
    id: Math.abs(hash(login)),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    url: `${base}/users/${login}`,
  };
}

function hash(text: string) {
  return crypto.createHash('md5').update(text).digest().readInt32BE(0);
}

/**
 * GitHub's REST endpoints for deployments and the commits they ship:
 * `GET /repos/{owner}/{repo}/deployments` (filters `environment`, `sha`,
 * `ref`; `per_page`/`page` with a Link header), `.../deployments/{id}/statuses`,
 * `.../compare/{base}...{head}` and `.../commits/{sha}`. Mount it at the REST
 * root (`/` for github.com's shape, `/api/v3` for GitHub Enterprise's).
 */
export function createGithubDeploymentsRouter(
  world: GithubDeploymentsWorld,
  options: { tokens?: Set<string>; baseUrl?: () => string } = {},
): Router {
  const router = Router();
  const base = () => options.baseUrl?.() ?? 'https://api.github.com';
  const notFound = (res: Response) =>
    res.status(404).json({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });

  if (options.tokens) {
    const tokens = options.tokens;
    router.use(
      ['/repos', '/orgs'],
      (req: Request, res: Response, next: NextFunction) => {
        const token = req
          .get('authorization')
          ?.match(/^(?:token|bearer)\s+(.+)$/i)?.[1];
        if (!token || !tokens.has(token)) {
          return res.status(401).json({
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          });
        }
        return next();
      },
    );
  }

  const commitShape = (
    repo: string,
    c: CommitRecord,
    parent?: CommitRecord,
  ) => ({
    sha: c.sha,
    url: `${base()}/repos/${repo}/commits/${c.sha}`,
    commit: {
      message: c.message,
      author: { name: c.authorName, email: c.authorEmail, date: c.date },
      committer: { name: c.authorName, email: c.authorEmail, date: c.date },
    },
    author: c.authorLogin ? userShape(c.authorLogin, base()) : null,
    committer: c.authorLogin ? userShape(c.authorLogin, base()) : null,
    parents: parent
      ? [
          {
            sha: parent.sha,
            url: `${base()}/repos/${repo}/commits/${parent.sha}`,
          },
        ]
      : [],
  });

  // GitHub Enterprise Cloud's organisation audit log, for membership dates:
  // `phrase` supports the `action:` qualifier; newest first; per_page/page.
  router.get('/orgs/:org/audit-log', (req, res) => {
    const phrase = String(req.query.phrase ?? '');
    const actions = [...phrase.matchAll(/action:([\w.]+)/g)].map(m => m[1]);
    const entries = world.auditLog
      .filter(
        e =>
          e.org === req.params.org &&
          (actions.length === 0 || actions.includes(e.action)),
      )
      .sort((a, b) => b['@timestamp'] - a['@timestamp']);
    const perPage = Math.min(Number(req.query.per_page ?? 30) || 30, 100);
    const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
    return res.json(entries.slice((page - 1) * perPage, page * perPage));
  });

  router.get('/repos/:owner/:repo/deployments', (req, res) => {
    const repo = `${req.params.owner}/${req.params.repo}`;
    if (!world.commits.has(repo) && !world.deployments.has(repo))
      return notFound(res);
    const { environment, sha, ref } = req.query as Record<
      string,
      string | undefined
    >;
    const all = [...(world.deployments.get(repo) ?? [])]
      .filter(
        d =>
          (!environment || d.environment === environment) &&
          (!sha || d.sha === sha) &&
          (!ref || d.ref === ref),
      )
      .sort((a, b) => b.id - a.id);
    const perPage = Math.min(Number(req.query.per_page ?? 30) || 30, 100);
    const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    if (page < last) {
      const link = (p: number) => {
        const url = new URL(
          `${base()}${req.originalUrl.replace(/^\/api\/v3/, '')}`,
        );
        url.searchParams.set('page', String(p));
        return url.toString();
      };
      res.set(
        'Link',
        `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`,
      );
    }
    return res.json(
      all.slice((page - 1) * perPage, page * perPage).map(d => ({
        url: `${base()}/repos/${repo}/deployments/${d.id}`,
        id: d.id,
        sha: d.sha,
        ref: d.ref,
        task: 'deploy',
        payload: {},
        environment: d.environment,
        description: null,
        creator: userShape(d.creatorLogin, base()),
        created_at: d.created_at,
        updated_at:
          d.statuses[d.statuses.length - 1]?.created_at ?? d.created_at,
        statuses_url: `${base()}/repos/${repo}/deployments/${d.id}/statuses`,
        repository_url: `${base()}/repos/${repo}`,
        transient_environment: false,
        production_environment: d.environment === 'production',
      })),
    );
  });

  router.get('/repos/:owner/:repo/deployments/:id/statuses', (req, res) => {
    const repo = `${req.params.owner}/${req.params.repo}`;
    const d = world.deployments
      .get(repo)
      ?.find(x => String(x.id) === req.params.id);
    if (!d) return notFound(res);
    return res.json(
      [...d.statuses].reverse().map(s => ({
        url: `${base()}/repos/${repo}/deployments/${d.id}/statuses/${s.id}`,
        id: s.id,
        state: s.state,
        creator: userShape(d.creatorLogin, base()),
        description: '',
        environment: d.environment,
        log_url: s.log_url ?? '',
        environment_url: '',
        created_at: s.created_at,
        updated_at: s.created_at,
        deployment_url: `${base()}/repos/${repo}/deployments/${d.id}`,
      })),
    );
  });

  router.get('/repos/:owner/:repo/compare/:basehead', (req, res) => {
    const repo = `${req.params.owner}/${req.params.repo}`;
    const commits = world.commits.get(repo) ?? [];
    const [baseSha, headSha] = req.params.basehead.split('...');
    const b = commits.findIndex(c => c.sha === baseSha);
    const h = commits.findIndex(c => c.sha === headSha);
    if (b < 0 || h < 0) return notFound(res);
    const ahead = commits.slice(b + 1, h + 1);
    return res.json({
      url: `${base()}/repos/${repo}/compare/${req.params.basehead}`,
      status: compareStatus(b, h),
      ahead_by: ahead.length,
      behind_by: h < b ? b - h : 0,
      total_commits: ahead.length,
      base_commit: commitShape(repo, commits[b], commits[b - 1]),
      commits: ahead.map(c =>
        commitShape(repo, c, commits[commits.indexOf(c) - 1]),
      ),
      files: [],
    });
  });

  router.get('/repos/:owner/:repo/commits/:sha', (req, res) => {
    const repo = `${req.params.owner}/${req.params.repo}`;
    const commits = world.commits.get(repo) ?? [];
    const i = commits.findIndex(c => c.sha === req.params.sha);
    if (i < 0)
      return res.status(422).json({
        message: `No commit found for SHA: ${req.params.sha}`,
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      });
    return res.json({
      ...commitShape(repo, commits[i], commits[i - 1]),
      files: [],
    });
  });

  return router;
}
