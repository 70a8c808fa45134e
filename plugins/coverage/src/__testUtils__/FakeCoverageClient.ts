import {
  CoverageExportTable,
  CoverageReport,
  CoverageTrend,
  EntityCompleteness,
  MissingRepositories,
  PullRequestResult,
  ScopeReport,
  SnapshotResult,
  TeamView,
} from '@internal/plugin-coverage-common';
import { ResponseError } from '@backstage/errors';
import { CoverageApi } from '../api';

/** A failed response of the backend: its status and the message in its body. */
export class HttpFailure {
  constructor(readonly status: number, readonly message: string) {}
}

/** A failed response, which the fake client throws as the real one does (a ResponseError). */
export function httpError(status: number, message: string): HttpFailure {
  return new HttpFailure(status, message);
}

const errorNames: Record<number, string> = {
  400: 'InputError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
};

function toResponseError(failure: HttpFailure): Promise<ResponseError> {
  const name = errorNames[failure.status] ?? 'Error';
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message: failure.message },
        response: { statusCode: failure.status },
      }),
      {
        status: failure.status,
        statusText: name,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

const m = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  ratio: denominator === 0 ? null : numerator / denominator,
});

export function scope(
  ref: string,
  title: string,
  gap: number,
  coverage: [number, number],
): ScopeReport {
  return {
    ref,
    kind: ref.startsWith('system:') ? 'system' : 'group',
    title,
    gap,
    measures: {
      coverage: m(...coverage),
      ownership: m(coverage[0], coverage[0]),
      documentation: m(Math.floor(coverage[0] / 2), coverage[0]),
      operability: m(1, coverage[0]),
      hygiene: m(coverage[0] - 1, coverage[0]),
    },
  };
}

/** A report of a small organisation: 13 of 20 production services in the catalog. */
export function sampleReport(
  overrides: Partial<CoverageReport> = {},
): CoverageReport {
  return {
    day: '2026-11-26',
    takenAt: '2026-11-26T03:00:00.000Z',
    threshold: 0.8,
    organisation: {
      ref: 'organisation',
      kind: 'organisation',
      title: 'Acme Pay',
      gap: 31,
      measures: {
        coverage: m(13, 20),
        ownership: m(12, 13),
        documentation: m(7, 13),
        operability: m(3, 13),
        hygiene: m(10, 13),
      },
    },
    teams: [
      scope('group:default/team-web', 'Web', 4, [3, 4]),
      scope('group:default/team-payments', 'Payments', 12, [4, 7]),
    ],
    systems: [scope('system:default/payments', 'Payments platform', 9, [4, 6])],
    sources: [
      { id: 'github', title: 'GitHub', ok: true, count: 18 },
      { id: 'argocd', title: 'Argo CD', ok: true, count: 9 },
      { id: 'pagerduty', title: 'PagerDuty', ok: true, count: 7 },
    ],
    missingSources: [],
    ...overrides,
  };
}

export function sampleTrend(): CoverageTrend {
  const ratios = (c: number) => ({
    coverage: c,
    ownership: 0.9,
    documentation: 0.5,
    operability: 0.2,
    hygiene: 0.7,
  });
  return {
    scope: 'organisation',
    days: 90,
    points: [
      { day: '2026-11-19', ratios: ratios(0.6), missingSources: [] },
      {
        day: '2026-11-25',
        ratios: ratios(0.6),
        missingSources: ['pagerduty'],
      },
      { day: '2026-11-26', ratios: ratios(0.65), missingSources: [] },
    ],
    changeSinceLastWeek: {
      coverage: 0.05,
      ownership: 0,
      documentation: null,
      operability: -0.021,
      hygiene: 0,
    },
  };
}

export function sampleMissing(): MissingRepositories {
  return {
    items: [
      {
        repoSlug: 'acme-pay/ledger-export',
        name: 'ledger-export',
        url: 'https://github.com/acme-pay/ledger-export',
        sources: ['github', 'argocd'],
        ownerGuess: {
          ref: 'group:default/team-payments',
          basis: 'codeowners',
          detail: 'CODEOWNERS names @acme-pay/team-payments for *',
        },
      },
      {
        repoSlug: 'acme-pay/fraud-rules',
        name: 'fraud-rules',
        sources: ['github'],
        ownerGuess: {
          ref: 'user:default/jane',
          basis: 'top-committers',
          detail: 'jane made 41 of the last 60 commits',
        },
      },
    ],
  };
}

export function sampleCompleteness(
  overrides: Partial<EntityCompleteness> = {},
): EntityCompleteness {
  return {
    entityRef: 'component:default/payments-api',
    title: 'Payments API',
    kind: 'Component',
    type: 'service',
    owner: 'group:default/team-payments',
    production: true,
    measures: {
      ownership: true,
      documentation: false,
      operability: false,
      hygiene: true,
    },
    checks: [
      {
        id: 'owner-resolves',
        measure: 'ownership',
        ok: true,
        detail: 'owner group:default/team-payments exists',
        fix: 'Set spec.owner to an existing Group.',
      },
      {
        id: 'techdocs-annotation',
        measure: 'documentation',
        ok: false,
        detail: 'no backstage.io/techdocs-ref annotation',
        fix: 'Add mkdocs.yml and docs/index.md, and the annotation backstage.io/techdocs-ref: dir:.',
        fixUrl: 'https://portal.example/docs/default/component/portal/techdocs',
      },
      {
        id: 'pagerduty',
        measure: 'operability',
        ok: false,
        detail: 'no pagerduty.com/service-id annotation',
        fix: 'Add the PagerDuty service id as pagerduty.com/service-id.',
      },
    ],
    ...overrides,
  };
}

type Responses = {
  report?: CoverageReport | HttpFailure;
  trend?: CoverageTrend | HttpFailure;
  missing?: MissingRepositories | HttpFailure;
  team?: TeamView | HttpFailure;
  completeness?: EntityCompleteness | HttpFailure;
  pullRequest?: PullRequestResult | HttpFailure;
  snapshot?: SnapshotResult | HttpFailure;
  csv?: Record<CoverageExportTable, string>;
};

/**
 * A stand-in for the coverage backend in component tests: answers each route
 * of the contract with the data it was given, and records the calls.
 */
export class FakeCoverageClient implements CoverageApi {
  readonly calls: { method: string; args: unknown[] }[] = [];

  constructor(public responses: Responses) {}

  private async answer<T>(
    method: string,
    args: unknown[],
    value: T | HttpFailure | undefined,
  ): Promise<T> {
    this.calls.push({ method, args });
    if (value === undefined) {
      throw await toResponseError(
        httpError(500, `${method}: no answer in this test`),
      );
    }
    if (value instanceof HttpFailure) throw await toResponseError(value);
    return value;
  }

  getReport() {
    return this.answer('getReport', [], this.responses.report);
  }
  getTrend(query: { days?: number; scope?: string } = {}) {
    return this.answer('getTrend', [query], this.responses.trend);
  }
  getMissing() {
    return this.answer('getMissing', [], this.responses.missing);
  }
  getTeam(ref: { namespace: string; name: string }) {
    return this.answer('getTeam', [ref], this.responses.team);
  }
  getEntityCompleteness(ref: { kind: string; namespace: string; name: string }) {
    return this.answer('getEntityCompleteness', [ref], this.responses.completeness);
  }
  createPullRequest(repoSlug: string) {
    return this.answer('createPullRequest', [repoSlug], this.responses.pullRequest);
  }
  takeSnapshot() {
    return this.answer('takeSnapshot', [], this.responses.snapshot);
  }
  exportCsv(table: CoverageExportTable) {
    return this.answer('exportCsv', [table], this.responses.csv?.[table]);
  }
}
