import { ResponseError } from '@backstage/errors';
import {
  AdoptionReport,
  AnalyticsEventInput,
  DashboardQuery,
  DeploymentInput,
  DeploymentResult,
  GroupsResponse,
  NpsComments,
  NpsReport,
  SurveyAnswerInput,
  SurveyPromptInput,
  SurveyStatus,
  TtfdReport,
  UsageReport,
} from './types';

/** The two things the client needs from the frontend (or a backend caller). */
export interface SpaceMetricsClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Talks to the SPACE metrics backend (`/api/space-metrics`). */
export class SpaceMetricsClient {
  constructor(private readonly options: SpaceMetricsClientOptions) {}

  getSurveyStatus(): Promise<SurveyStatus> {
    return this.request('GET', '/survey/status');
  }

  answerSurvey(answer: SurveyAnswerInput): Promise<SurveyStatus> {
    return this.request('PUT', '/survey/answer', answer);
  }

  respondToPrompt(input: SurveyPromptInput): Promise<SurveyStatus> {
    return this.request('POST', '/survey/prompt', input);
  }

  getNps(query: DashboardQuery): Promise<NpsReport> {
    return this.request('GET', `/nps?${params(query)}`);
  }

  getNpsComments(query: {
    quarter: string;
    group?: string;
  }): Promise<NpsComments> {
    return this.request('GET', `/nps/comments?${params(query)}`);
  }

  getTtfd(query: DashboardQuery): Promise<TtfdReport> {
    return this.request('GET', `/ttfd?${params(query)}`);
  }

  getAdoption(query: DashboardQuery): Promise<AdoptionReport> {
    return this.request('GET', `/adoption?${params(query)}`);
  }

  getUsage(query: DashboardQuery): Promise<UsageReport> {
    return this.request('GET', `/usage?${params(query)}`);
  }

  getGroups(): Promise<GroupsResponse> {
    return this.request('GET', '/groups');
  }

  /**
   * Sends analytics events. `keepalive` lets the request outlive the page
   * (sent while the tab closes or navigates away).
   */
  async sendEvents(
    events: AnalyticsEventInput[],
    options: { keepalive?: boolean } = {},
  ): Promise<void> {
    await this.request('POST', '/events', { events }, options);
  }

  reportDeployment(deployment: DeploymentInput): Promise<DeploymentResult> {
    return this.request('POST', '/deployments', deployment);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    init: { keepalive?: boolean } = {},
  ): Promise<T> {
    const base = await this.options.discoveryApi.getBaseUrl('space-metrics');
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
      ...init,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    if (res.status === 204) return undefined as T;
    return res.json();
  }
}

function params(query: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  return search.toString();
}
