import http from 'node:http';
import crypto from 'node:crypto';
import { closeLoopback, listenOnLoopback } from '../loopback';
import express, { NextFunction, Request, Response, Router } from 'express';

/** One entry of `status.history`, as Argo CD records a sync. */
export interface ArgoHistoryEntry {
  id: number;
  revision: string;
  deployStartedAt: string;
  deployedAt: string;
  source: { repoURL: string; path: string; targetRevision: string };
  initiatedBy: { username?: string; automated?: boolean };
}

/** An Argo CD Application, in the shape `GET /api/v1/applications/{name}` returns. */
export interface ArgoApplication {
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    creationTimestamp: string;
    resourceVersion: string;
  };
  spec: {
    project: string;
    source: { repoURL: string; path: string; targetRevision: string };
    destination: { server: string; namespace: string };
    revisionHistoryLimit?: number;
  };
  status: {
    sync: { status: 'Synced' | 'OutOfSync'; revision?: string };
    health: { status: 'Healthy' | 'Progressing' | 'Degraded' };
    history?: ArgoHistoryEntry[];
    reconciledAt?: string;
  };
}

/**
 * The applications the stand-in serves. `sync` records a deployment the way
 * Argo CD does: a new history entry with the next id, keeping only the last
 * `revisionHistoryLimit` entries (10 unless the app sets it).
 */
export class ArgoCdWorld {
  readonly apps = new Map<string, ArgoApplication>();
  private version = 1;

  addApp(
    name: string,
    options: {
      repoURL: string;
      path?: string;
      namespace?: string;
      revisionHistoryLimit?: number;
    },
  ) {
    const app: ArgoApplication = {
      metadata: {
        name,
        namespace: 'argocd',
        uid: crypto.randomUUID(),
        creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        resourceVersion: String(this.version++),
      },
      spec: {
        project: 'default',
        source: {
          repoURL: options.repoURL,
          path: options.path ?? 'deploy/production',
          targetRevision: 'HEAD',
        },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: options.namespace ?? name,
        },
        revisionHistoryLimit: options.revisionHistoryLimit,
      },
      status: { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } },
    };
    this.apps.set(name, app);
    return app;
  }

  /** A sync of `revision` that finished at `at` (and started a minute before). */
  sync(
    name: string,
    revision: string,
    at: Date,
    initiatedBy: ArgoHistoryEntry['initiatedBy'] = { automated: true },
  ) {
    const app = this.apps.get(name);
    if (!app) throw new Error(`no application ${name}`);
    const history = app.status.history ?? [];
    const id = history.length > 0 ? history[history.length - 1].id + 1 : 0;
    history.push({
      id,
      revision,
      deployStartedAt: new Date(at.getTime() - 60_000)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
      deployedAt: at.toISOString().replace(/\.\d+Z$/, 'Z'),
      source: { ...app.spec.source },
      initiatedBy,
    });
    const limit = app.spec.revisionHistoryLimit ?? 10;
    app.status.history = history.slice(-limit);
    app.status.sync = { status: 'Synced', revision };
    app.status.reconciledAt = at.toISOString().replace(/\.\d+Z$/, 'Z');
    app.metadata.resourceVersion = String(this.version++);
    return history[history.length - 1];
  }
}

/**
 * The part of Argo CD's REST API the portal reads: the application list and
 * one application with its sync history, behind a bearer token (or the
 * `argocd.token` cookie the UI uses). Errors are gRPC-gateway bodies, as Argo
 * CD sends them.
 */
export function createArgoCdRouter(
  world: ArgoCdWorld,
  tokens: Set<string>,
): Router {
  const router = Router();
  const grpcError = (
    res: Response,
    status: number,
    code: number,
    message: string,
  ) => res.status(status).json({ error: message, code, message });

  router.use('/api/v1', (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const cookie = req
      .get('cookie')
      ?.match(/(?:^|;\s*)argocd\.token=([^;]+)/)?.[1];
    const token = header ?? cookie;
    if (!token) return grpcError(res, 401, 16, 'no session information');
    if (!tokens.has(token))
      return grpcError(
        res,
        401,
        16,
        'invalid session: token signature is invalid',
      );
    return next();
  });

  router.get('/api/v1/applications', (req, res) => {
    const name = req.query.name as string | undefined;
    const items = [...world.apps.values()].filter(
      a => !name || a.metadata.name === name,
    );
    res.json({ metadata: { resourceVersion: String(Date.now()) }, items });
  });

  router.get('/api/v1/applications/:name', (req, res) => {
    const app = world.apps.get(req.params.name);
    if (!app) {
      return grpcError(
        res,
        404,
        5,
        `applications.argoproj.io "${req.params.name}" not found`,
      );
    }
    return res.json(app);
  });

  return router;
}

/** An Argo CD API server on loopback. */
export class ArgoCdStandin {
  readonly world: ArgoCdWorld;
  readonly tokens: Set<string>;
  /** e.g. `http://127.0.0.1:40123`, for `spaceMetrics.argocd.baseUrl`. */
  url = '';
  private server?: http.Server;

  private constructor(options: { world?: ArgoCdWorld; tokens?: string[] }) {
    this.world = options.world ?? new ArgoCdWorld();
    this.tokens = new Set(options.tokens ?? ['argocd-standin-token']);
  }

  static async start(
    options: { world?: ArgoCdWorld; tokens?: string[]; port?: number } = {},
  ) {
    const standin = new ArgoCdStandin(options);
    const app = express().use(
      createArgoCdRouter(standin.world, standin.tokens),
    );
    ({ server: standin.server, url: standin.url } = await listenOnLoopback(
      app,
      options.port,
    ));
    return standin;
  }

  get token() {
    return [...this.tokens][0];
  }

  async stop() {
    await closeLoopback(this.server);
    this.server = undefined;
  }
}
