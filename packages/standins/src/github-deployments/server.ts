import http from 'node:http';
import crypto from 'node:crypto';
import { AddressInfo } from 'node:net';
import express, { NextFunction, Request, Response, Router } from 'express';

/** A commit of the stand-in's linear history of a repository. */
export interface CommitRecord {
  sha: string;
  message: string;
  authorLogin?: string;
  authorEmail: string;
  authorName: string;
  date: string;
}

export interface DeploymentStatusRecord {
  id: number;
  state:
    | 'error'
    | 'failure'
    | 'inactive'
    | 'in_progress'
    | 'queued'
    | 'pending'
    | 'success';
  created_at: string;
  log_url?: string;
}

/** An entry of an organisation's audit log, as GitHub Enterprise Cloud returns it. */
export interface AuditLogEntry {
  '@timestamp': number;
  _document_id: string;
  action: string;
  actor: string;
  created_at: number;
  org: string;
  user: string;
  permission?: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  creatorLogin: string;
  statuses: DeploymentStatusRecord[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Repositories with a linear commit history and GitHub deployments. Commits
 * and deployments get ids and SHAs the way GitHub gives them out.
 */
export class GithubDeploymentsWorld {
  readonly commits = new Map<string, CommitRecord[]>();
  readonly deployments = new Map<string, DeploymentRecord[]>();
  /** Organisation audit log entries (`org.add_member`, `org.remove_member`). */
  readonly auditLog: AuditLogEntry[] = [];
  private nextId = 1000;

  /** Records that `login` joined (or left) the organisation at `at`. */
  membership(
    org: string,
    login: string,
    at: Date,
    action: 'org.add_member' | 'org.remove_member' = 'org.add_member',
  ) {
    this.auditLog.push({
      '@timestamp': at.getTime(),
      _document_id: crypto.randomUUID(),
      action,
      actor: 'hr-sync[bot]',
      created_at: at.getTime(),
      org,
      user: login,
      permission: 'read',
    });
  }

  /** Adds a commit at the head of `owner/repo`; returns its SHA. */
  commit(
    repo: string,
    options: {
      login?: string;
      email?: string;
      name?: string;
      message?: string;
      at?: Date;
    } = {},
  ): string {
    const list = this.commits.get(repo) ?? [];
    const sha = crypto
      .createHash('sha1')
      .update(
        `${repo}:${list.length}:${options.message ?? ''}:${Math.random()}`,
      )
      .digest('hex');
    list.push({
      sha,
      message: options.message ?? `change ${list.length + 1}`,
      authorLogin: options.login,
      authorEmail:
        options.email ??
        `${options.login ?? 'someone'}@users.noreply.github.com`,
      authorName: options.name ?? options.login ?? 'Someone',
      date: iso(options.at ?? new Date()),
    });
    this.commits.set(repo, list);
    return sha;
  }

  /** A deployment of `sha` with its statuses (e.g. in_progress, then success). */
  deploy(
    repo: string,
    options: {
      sha: string;
      environment?: string;
      at: Date;
      creator?: string;
      statuses?: { state: DeploymentStatusRecord['state']; at: Date }[];
    },
  ): DeploymentRecord {
    const d: DeploymentRecord = {
      id: this.nextId++,
      sha: options.sha,
      ref: 'main',
      environment: options.environment ?? 'production',
      created_at: iso(options.at),
      creatorLogin: options.creator ?? 'github-actions[bot]',
      statuses: (
        options.statuses ?? [
          { state: 'success', at: new Date(options.at.getTime() + 120_000) },
        ]
      ).map(s => ({
        id: this.nextId++,
        state: s.state,
        created_at: iso(s.at),
        log_url: `https://github.com/${repo}/actions/runs/${this.nextId}`,
      })),
    };
    this.deployments.set(repo, [...(this.deployments.get(repo) ?? []), d]);
    return d;
  }

  /** Adds a status to an existing deployment (a deployment that finishes later). */
  addStatus(
    repo: string,
    id: number,
    state: DeploymentStatusRecord['state'],
    at: Date,
  ) {
    const d = this.deployments.get(repo)?.find(x => x.id === id);
    if (!d) throw new Error(`no deployment ${id} in ${repo}`);
    d.statuses.push({ id: this.nextId++, state, created_at: iso(at) });
  }
}

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

/** The deployments part of GitHub's REST API, on its own on loopback. */
export class GithubDeploymentsStandin {
  readonly world: GithubDeploymentsWorld;
  readonly tokens: Set<string>;
  /** e.g. `http://127.0.0.1:40123`, for an integration's `apiBaseUrl`. */
  url = '';
  private server?: http.Server;

  private constructor(options: {
    world?: GithubDeploymentsWorld;
    tokens?: string[];
  }) {
    this.world = options.world ?? new GithubDeploymentsWorld();
    this.tokens = new Set(options.tokens ?? ['standin-token']);
  }

  static async start(
    options: {
      world?: GithubDeploymentsWorld;
      tokens?: string[];
      port?: number;
    } = {},
  ) {
    const standin = new GithubDeploymentsStandin(options);
    const app = express().use(
      createGithubDeploymentsRouter(standin.world, {
        tokens: standin.tokens,
        baseUrl: () => standin.url,
      }),
    );
    standin.server = http.createServer(app);
    await new Promise<void>(resolve =>
      standin.server!.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    standin.url = `http://127.0.0.1:${
      (standin.server.address() as AddressInfo).port
    }`;
    return standin;
  }

  get token() {
    return [...this.tokens][0];
  }

  /** The `integrations.github` entry that points the portal here. */
  integrationConfig() {
    return { host: 'github.com', apiBaseUrl: this.url, token: this.token };
  }

  async stop() {
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
