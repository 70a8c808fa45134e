/** Which of GitHub's surfaces a request went to. */
export type GithubApi = 'rest' | 'graphql' | 'web';

/** One request the stand-in answered. */
export interface GithubRequestRecord {
  at: number;
  api: GithubApi;
  method: string;
  path: string;
  status: number;
  /** True for a conditional request answered 304 (GitHub does not charge it). */
  notModified: boolean;
  rateLimited: boolean;
}

/**
 * A failure to inject: GitHub's primary rate limit (REST: 403 with
 * `x-ratelimit-remaining: 0`; GraphQL: 200 with a `RATE_LIMITED` error, as GitHub
 * answers), its secondary rate limit (403 or 429 with `retry-after`), or a
 * server error.
 */
export interface GithubFault {
  kind: 'primary-rate-limit' | 'secondary-rate-limit' | 'server-error';
  /** API requests that still pass before the fault starts (default 0). */
  after?: number;
  /** How many requests it answers (default: all until cleared or expired). */
  times?: number;
  /** Only requests to this API (default: REST and GraphQL). */
  api?: 'rest' | 'graphql';
  /**
   * Primary: seconds until `x-ratelimit-reset`, after which requests pass again.
   * Secondary: the `retry-after` value. Default 1.
   */
  seconds?: number;
  /** Secondary: 403 or 429 (default 429). Server error: the status (default 502). */
  status?: number;
}

interface ActiveFault extends GithubFault {
  passed: number;
  answered: number;
  /** For primary rate limits: when the window resets (epoch ms), once started. */
  resetAt?: number;
}

/** What the stand-in does with one API request. */
export type TrafficDecision =
  | { type: 'pass'; headers: Record<string, string> }
  | {
      type: 'fail';
      status: number;
      headers: Record<string, string>;
      body: unknown;
    };

/**
 * Counts requests, keeps GitHub's rate-limit headers, and injects faults. The
 * primary budget is GitHub's 5,000 requests an hour for a token; 304 answers do
 * not count against it, as on GitHub.
 */
export class GithubTraffic {
  readonly log: GithubRequestRecord[] = [];
  private faults: ActiveFault[] = [];
  private windowStart = Date.now();
  private used = 0;

  constructor(readonly limit = 5000) {}

  inject(fault: GithubFault): void {
    this.faults.push({ ...fault, passed: 0, answered: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private resetAt(): number {
    if (Date.now() - this.windowStart >= 3600_000) {
      this.windowStart = Date.now();
      this.used = 0;
    }
    return this.windowStart + 3600_000;
  }

  private headers(remaining: number, reset: number): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(Math.max(remaining, 0)),
      'x-ratelimit-used': String(this.limit - Math.max(remaining, 0)),
      'x-ratelimit-reset': String(Math.ceil(reset / 1000)),
      'x-ratelimit-resource': 'core',
    };
  }

  /** Decides before answering: pass (with headers) or fail as GitHub would. */
  decide(api: 'rest' | 'graphql'): TrafficDecision {
    const now = Date.now();
    this.faults = this.faults.filter(
      f =>
        !(f.times !== undefined && f.answered >= f.times) &&
        !(f.resetAt !== undefined && now >= f.resetAt),
    );
    for (const fault of this.faults) {
      if (fault.api && fault.api !== api) continue;
      if (fault.passed < (fault.after ?? 0)) {
        fault.passed++;
        continue;
      }
      fault.answered++;
      const seconds = fault.seconds ?? 1;
      if (fault.kind === 'primary-rate-limit') {
        fault.resetAt ??= now + seconds * 1000;
        const headers = this.headers(0, fault.resetAt);
        const message =
          'API rate limit exceeded for user ID 1000. If you reach out to GitHub Support for help, please include the request ID.';
        if (api === 'graphql') {
          return {
            type: 'fail',
            status: 200,
            headers,
            body: { errors: [{ type: 'RATE_LIMITED', message }] },
          };
        }
        return {
          type: 'fail',
          status: 403,
          headers,
          body: {
            message,
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          },
        };
      }
      if (fault.kind === 'secondary-rate-limit') {
        return {
          type: 'fail',
          status: fault.status ?? 429,
          headers: {
            ...this.headers(this.limit - this.used, this.resetAt()),
            'retry-after': String(seconds),
          },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
        };
      }
      return {
        type: 'fail',
        status: fault.status ?? 502,
        headers: {},
        body: { message: 'Server Error' },
      };
    }
    const reset = this.resetAt();
    if (this.used >= this.limit) {
      return this.decideExhausted(api, reset);
    }
    this.used++;
    return {
      type: 'pass',
      headers: this.headers(this.limit - this.used, reset),
    };
  }

  private decideExhausted(
    api: 'rest' | 'graphql',
    reset: number,
  ): TrafficDecision {
    const message = 'API rate limit exceeded for user ID 1000.';
    return {
      type: 'fail',
      status: api === 'graphql' ? 200 : 403,
      headers: this.headers(0, reset),
      body:
        api === 'graphql'
          ? { errors: [{ type: 'RATE_LIMITED', message }] }
          : { message },
    };
  }

  /** A 304 is free on GitHub: give back what `decide` took. */
  refund(): void {
    this.used = Math.max(0, this.used - 1);
  }

  record(entry: GithubRequestRecord): void {
    this.log.push(entry);
  }

  /** Totals over the log, optionally since a point in time. */
  stats(since = 0) {
    const entries = this.log.filter(e => e.at >= since);
    const count = (pred: (e: GithubRequestRecord) => boolean) =>
      entries.filter(pred).length;
    return {
      total: count(e => e.api !== 'web'),
      rest: count(e => e.api === 'rest'),
      graphql: count(e => e.api === 'graphql'),
      notModified: count(e => e.notModified),
      rateLimited: count(e => e.rateLimited),
      /** What GitHub would charge to the token's hourly budget. */
      charged: count(e => e.api !== 'web' && !e.notModified && !e.rateLimited),
    };
  }
}
