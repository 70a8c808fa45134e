import { ResponseError } from '@backstage/errors';
import {
  CoverageReport,
  CoverageTrend,
  EntityCompleteness,
  MissingRepositories,
  PullRequestResult,
  SnapshotResult,
  TeamView,
} from './types';

/** The two things the client needs from the frontend (or a backend caller). */
export interface CoverageClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Which table the CSV export holds. */
export type CoverageExportTable = 'scopes' | 'missing';

/**
 * Talks to the coverage backend (`/api/coverage`). Every route is described in
 * plugins/coverage-backend/src/schema/openapi.yaml.
 */
export class CoverageClient {
  constructor(private readonly options: CoverageClientOptions) {}

  /** The latest snapshot's report (needs coverage.report.read). */
  getReport(): Promise<CoverageReport> {
    return this.request('GET', '/report');
  }

  /** The organisation's (or a scope's) ratios per day, 90 days by default. */
  getTrend(
    query: { days?: number; scope?: string } = {},
  ): Promise<CoverageTrend> {
    return this.request('GET', `/trend${params(query)}`);
  }

  /** Production repositories that have no catalog entity. */
  getMissing(): Promise<MissingRepositories> {
    return this.request('GET', '/missing');
  }

  /** A Group's services and their gaps (sign-in only). */
  getTeam(ref: { namespace: string; name: string }): Promise<TeamView> {
    return this.request(
      'GET',
      `/teams/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}`,
    );
  }

  /** What one entity is missing, computed now from the catalog (sign-in only). */
  getEntityCompleteness(ref: {
    kind: string;
    namespace: string;
    name: string;
  }): Promise<EntityCompleteness> {
    const path = [ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    return this.request('GET', `/entities/${path}/completeness`);
  }

  /** Opens a pull request adding a generated catalog-info.yaml to the repository. */
  createPullRequest(repoSlug: string): Promise<PullRequestResult> {
    const [owner, repo] = repoSlug.split('/');
    return this.request(
      'POST',
      `/missing/${encodeURIComponent(owner)}/${encodeURIComponent(
        repo,
      )}/pull-request`,
    );
  }

  /** Takes today's snapshot now (a second call the same day gives the same result). */
  takeSnapshot(): Promise<SnapshotResult> {
    return this.request('POST', '/snapshots');
  }

  /** The latest report as CSV text. */
  async exportCsv(table: CoverageExportTable): Promise<string> {
    const response = await this.send('GET', `/export${params({ table })}`);
    return response.text();
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const response = await this.send(method, path);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('coverage');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function params(query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
