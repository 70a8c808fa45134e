import http from 'node:http';
import { closeLoopback, listenOnLoopback } from '../loopback';
import express, { NextFunction, Request, Response, Router } from 'express';

/** A PagerDuty service, in the shape REST API v2 `GET /services` lists it. */
export interface PagerDutyService {
  id: string;
  type: 'service';
  summary: string;
  name: string;
  description: string | null;
  status: 'active' | 'warning' | 'critical' | 'maintenance' | 'disabled';
  self: string;
  html_url: string;
  created_at: string;
  escalation_policy: { id: string; type: 'escalation_policy_reference' };
  teams: { id: string; type: 'team_reference'; summary: string }[];
}

/** A failure to inject into the next API requests. */
export interface PagerDutyFault {
  /** `down`: the connection is dropped; `server-error`: a 5xx; `rate-limit`: 429. */
  kind: 'down' | 'server-error' | 'rate-limit';
  /** API requests that still pass before the fault starts (default 0). */
  after?: number;
  /** How many requests it answers (default: all until cleared). */
  times?: number;
  /** Server error: the status (default 503). */
  status?: number;
}

/** The services the stand-in serves, in the order they were added. */
export class PagerDutyWorld {
  readonly services = new Map<string, PagerDutyService>();
  private next = 1;

  addService(
    name: string,
    options: {
      id?: string;
      description?: string;
      status?: PagerDutyService['status'];
      teams?: string[];
    } = {},
  ): PagerDutyService {
    // PagerDuty ids are seven upper-case letters and digits, starting with P.
    const id = options.id ?? `P${String(this.next++).padStart(6, '0')}`;
    const service: PagerDutyService = {
      id,
      type: 'service',
      summary: name,
      name,
      description: options.description ?? null,
      status: options.status ?? 'active',
      self: `https://api.pagerduty.com/services/${id}`,
      html_url: `https://acme.pagerduty.com/service-directory/${id}`,
      created_at: '2025-01-01T00:00:00Z',
      escalation_policy: { id: 'PESCAL1', type: 'escalation_policy_reference' },
      teams: (options.teams ?? []).map(t => ({
        id: t,
        type: 'team_reference',
        summary: t,
      })),
    };
    this.services.set(id, service);
    return service;
  }
}

const error = (res: Response, status: number, code: number, message: string) =>
  res.status(status).json({ error: { message, code } });

/**
 * The part of PagerDuty's REST API v2 the portal reads: the service list with
 * classic offset paging (`limit` up to 100, default 25; `offset`; `more`)
 * and the `team_ids[]` filter,
 * behind `Authorization: Token token=...`, with faults to inject. Errors are
 * PagerDuty's `{ error: { message, code } }` bodies.
 */
export function createPagerDutyRouter(
  world: PagerDutyWorld,
  tokens: Set<string>,
  faults: () => PagerDutyFault | undefined,
): Router {
  const router = Router();

  router.use((req: Request, res: Response, next: NextFunction) => {
    const fault = faults();
    if (fault?.kind === 'down') {
      req.socket.destroy();
      return undefined;
    }
    if (fault?.kind === 'server-error') {
      return error(res, fault.status ?? 503, 0, 'Service Unavailable');
    }
    if (fault?.kind === 'rate-limit') {
      res.set({
        'ratelimit-limit': '960',
        'ratelimit-remaining': '0',
        'ratelimit-reset': '30',
      });
      return error(res, 429, 2020, 'Rate Limit Exceeded');
    }
    const token = req
      .get('authorization')
      ?.match(/^Token token=(.+)$/)?.[1]
      ?.trim();
    if (!token || !tokens.has(token)) {
      return error(res, 401, 2006, 'Authentication failed');
    }
    return next();
  });

  router.get('/services', (req, res) => {
    const limit = Math.min(Number(req.query.limit ?? 25), 100);
    const offset = Number(req.query.offset ?? 0);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      !Number.isInteger(offset) ||
      offset < 0
    ) {
      return error(res, 400, 2001, 'Invalid Input Provided');
    }
    // `team_ids[]=P1&team_ids[]=P2`: services of any of those teams.
    const teamIds = ([] as unknown[]).concat(req.query.team_ids ?? []);
    const all = [...world.services.values()].filter(
      s => !teamIds.length || s.teams.some(t => teamIds.includes(t.id)),
    );
    const services = all.slice(offset, offset + limit);
    return res.json({
      services,
      limit,
      offset,
      more: offset + limit < all.length,
      total: req.query.total === 'true' ? all.length : null,
    });
  });

  router.get('/services/:id', (req, res) => {
    const service = world.services.get(req.params.id);
    if (!service) return error(res, 404, 2100, 'Not Found');
    return res.json({ service });
  });

  router.use((_req, res) => error(res, 404, 2100, 'Not Found'));
  return router;
}

/** A PagerDuty REST API v2 server on loopback. */
export class PagerDutyStandin {
  readonly world: PagerDutyWorld;
  readonly tokens: Set<string>;
  /** e.g. `http://127.0.0.1:40123`, for `coverage.pagerduty.apiBaseUrl`. */
  url = '';
  /** Requests answered, by path with query, for tests that count pages. */
  readonly requests: string[] = [];
  private server?: http.Server;
  private faults: (PagerDutyFault & { seen: number; answered: number })[] = [];

  private constructor(options: { world?: PagerDutyWorld; tokens?: string[] }) {
    this.world = options.world ?? new PagerDutyWorld();
    this.tokens = new Set(options.tokens ?? ['pagerduty-standin-token']);
  }

  static async start(
    options: { world?: PagerDutyWorld; tokens?: string[]; port?: number } = {},
  ) {
    const standin = new PagerDutyStandin(options);
    const app = express();
    app.disable('x-powered-by');
    app.use((req, _res, next) => {
      standin.requests.push(req.originalUrl);
      next();
    });
    app.use(
      createPagerDutyRouter(standin.world, standin.tokens, () =>
        standin.nextFault(),
      ),
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

  inject(fault: PagerDutyFault) {
    this.faults.push({ ...fault, seen: 0, answered: 0 });
  }

  clearFaults() {
    this.faults = [];
  }

  private nextFault(): PagerDutyFault | undefined {
    this.faults = this.faults.filter(
      f => f.times === undefined || f.answered < f.times,
    );
    for (const fault of this.faults) {
      if (fault.seen++ < (fault.after ?? 0)) continue;
      fault.answered++;
      return fault;
    }
    return undefined;
  }

  async stop() {
    const server = this.server;
    this.server = undefined;
    await closeLoopback(server);
  }
}
