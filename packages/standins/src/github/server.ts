import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import express, { Request, Response, NextFunction } from 'express';
import { GithubGraph } from './graphql';
import { GithubCommit, GithubWorld } from './model';
import { createRestRouter } from './rest';
import { GithubUrls } from './shapes';
import { GithubApi, GithubTraffic } from './traffic';
import { deliverWebhook, pushEventPayload } from './webhooks';
import { createOauthRouter, OauthApp } from './oauth';
import { GitStore } from './gitStore';
import { createRepoWriteRouter } from './restRepos';
import { createSmartHttpRouter } from './smartHttp';
import { GithubTokenLimits } from './tokenLimits';

export interface GithubStandinOptions {
  /** The organisations, repositories, teams and users to serve. */
  world?: GithubWorld;
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
  /** Tokens the API accepts (default: `standin-token`). */
  tokens?: string[];
  /**
   * What the stand-in calls itself in the URLs it returns (`html_url`, the
   * repository `url` in GraphQL, webhook payloads). Default
   * `https://github.com`, so entity locations look as they do in production and
   * the portal's `github.com` integration, pointed at this server through its
   * `apiBaseUrl`, reads them here.
   */
  webUrl?: string;
  /** OAuth apps that may sign users in (see `signInAs`). */
  oauthApps?: OauthApp[];
}

/** Which surface a path belongs to. */
function apiOf(path: string): GithubApi {
  if (path === '/graphql' || path === '/api/graphql') return 'graphql';
  if (/^\/(login|raw|avatars)\//.test(path)) return 'web';
  return 'rest';
}

/**
 * A stand-in for GitHub on loopback: REST and GraphQL, OAuth sign-in, rate
 * limits and faults, and webhook deliveries. It serves `world`, which tests
 * change between runs.
 *
 * The API answers in both of GitHub's layouts: github.com's (REST at the root,
 * GraphQL at `/graphql`, as api.github.com) and GitHub Enterprise's (`/api/v3`,
 * `/api/graphql`), which the OAuth sign-in uses for the user's profile.
 */
export class GithubStandin {
  readonly world: GithubWorld;
  readonly traffic = new GithubTraffic();
  /** Rights taken from tokens (push, delete), for failures of publishing. */
  readonly limits = new GithubTokenLimits();
  /** The address it listens on, e.g. `http://127.0.0.1:40123`. */
  url = '';
  private server?: http.Server;
  private readonly tokens: Set<string>;
  private readonly oauthTokens = new Map<string, string>();
  private readonly webUrl: string;
  private readonly git: GitStore;

  private constructor(private readonly options: GithubStandinOptions) {
    this.world = options.world ?? new GithubWorld();
    this.git = new GitStore(this.world);
    this.tokens = new Set(options.tokens ?? ['standin-token']);
    this.webUrl = options.webUrl ?? 'https://github.com';
  }

  static async start(options: GithubStandinOptions = {}) {
    const standin = new GithubStandin(options);
    await standin.listen();
    return standin;
  }

  /** REST base in github.com's layout, for an integration's `apiBaseUrl`. */
  get apiBaseUrl() {
    return this.url;
  }

  get urls(): GithubUrls {
    // Repositories are cloned from and pushed to this server itself.
    return { api: this.apiBaseUrl, web: this.webUrl, git: this.url };
  }

  /** The first accepted token. */
  get token() {
    return [...this.tokens][0];
  }

  /** The `integrations.github` entry that points the portal here. */
  integrationConfig() {
    return {
      host: new URL(this.webUrl).host,
      apiBaseUrl: this.apiBaseUrl,
      rawBaseUrl: `${this.url}/raw`,
      token: this.token,
    };
  }

  /** Who the OAuth page signs in as (as if that person were logged in to GitHub). */
  signedInAs?: string;

  /** Commits to a repository and returns the commit and its push payload. */
  push(
    owner: string,
    repo: string,
    changes: Record<string, string | Buffer | null>,
    options: { message?: string; author?: string } = {},
  ): { commit: GithubCommit; payload: ReturnType<typeof pushEventPayload> } {
    const commit = this.world.commit(owner, repo, changes, options);
    return {
      commit,
      payload: pushEventPayload(this.world, this.urls, owner, repo, commit),
    };
  }

  /** Delivers a webhook the way GitHub does (signed with `secret`). */
  deliver(url: string, event: string, payload: unknown, secret: string) {
    return deliverWebhook({ url, event, payload, secret });
  }

  private tokenOf(req: Request): string | undefined {
    const header = req.get('authorization');
    const match = header?.match(/^(?:token|bearer)\s+(.+)$/i);
    return match?.[1] ?? (req.query.access_token as string | undefined);
  }

  /** Authentication, rate limits, faults and the request log, for API calls. */
  private gate = (req: Request, res: Response, next: NextFunction) => {
    const api = apiOf(req.path);
    const at = Date.now();
    let rateLimited = false;
    res.on('finish', () =>
      this.traffic.record({
        at,
        api,
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        notModified: res.statusCode === 304,
        rateLimited,
      }),
    );
    if (api === 'web') return next();
    const token = this.tokenOf(req);
    if (token && !this.tokens.has(token) && !this.oauthTokens.has(token)) {
      res.status(401).json({
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return undefined;
    }
    if (!token && api === 'graphql') {
      res.status(401).json({
        message: 'This endpoint requires you to be authenticated.',
      });
      return undefined;
    }
    const decision = this.traffic.decide(api);
    res.set(decision.headers);
    if (decision.type === 'fail') {
      rateLimited = decision.status !== 502 && decision.status !== 500;
      res.status(decision.status).json(decision.body);
      return undefined;
    }
    return next();
  };

  private app() {
    const app = express();
    app.disable('x-powered-by');
    // git's own protocol, before the API's gate (git authenticates with basic auth).
    app.use(
      createSmartHttpRouter({
        world: this.world,
        store: this.git,
        limits: this.limits,
        isToken: t => this.tokens.has(t) || this.oauthTokens.has(t),
      }),
    );
    app.use(this.gate);
    app.use(express.json({ limit: '5mb' }));
    app.use(express.urlencoded({ extended: false }));
    const graph = new GithubGraph(this.world, this.webUrl);
    app.post(['/graphql', '/api/graphql'], async (req, res) => {
      const { query, variables } = req.body ?? {};
      res.json(await graph.run(String(query ?? ''), variables));
    });
    app.get('/raw/:owner/:repo/:ref/*', (req, res) => {
      const repo = this.world.findRepo(req.params.owner, req.params.repo);
      const commit = repo && this.world.resolveRef(repo, req.params.ref);
      const file = commit?.files.get((req.params as Record<string, string>)[0]);
      if (!file) {
        res.status(404).send('404: Not Found');
        return;
      }
      res.type('text/plain').send(file);
    });
    app.use(
      createOauthRouter({
        apps: this.options.oauthApps ?? [],
        signedInAs: () => this.signedInAs,
        issueToken: login => {
          const token = `gho_${crypto.randomBytes(18).toString('hex')}`;
          this.oauthTokens.set(token, login);
          return token;
        },
      }),
    );
    const writes = createRepoWriteRouter({
      world: this.world,
      store: this.git,
      limits: this.limits,
      urls: () => this.urls,
      tokenOf: req => this.tokenOf(req),
    });
    app.use('/api/v3', writes);
    app.use(writes);
    // Last: REST answers every other path (a 404 as GitHub's for unknown ones).
    const rest = createRestRouter({
      world: this.world,
      urls: () => this.urls,
      tokenUser: req => this.oauthTokens.get(this.tokenOf(req) ?? ''),
      onNotModified: () => this.traffic.refund(),
    });
    app.use('/api/v3', rest);
    app.use(rest);
    return app;
  }

  private listen() {
    return new Promise<void>((resolve, reject) => {
      const server = http.createServer(this.app());
      server.on('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        this.server = server;
        resolve();
      });
    });
  }

  async stop() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
    await this.git.dispose();
  }
}
