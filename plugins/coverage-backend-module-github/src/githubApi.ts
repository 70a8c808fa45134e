import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';

/**
 * An Octokit for one organisation on one integration host, with the
 * integration's credentials (a token, or a GitHub App installation token that
 * the credentials provider renews), as upstream GitHub modules build it.
 */
export class GithubApi {
  private readonly credentials: DefaultGithubCredentialsProvider;
  private readonly baseUrl: string;

  constructor(
    integrations: ScmIntegrationRegistry,
    readonly host: string,
    readonly organization: string,
  ) {
    const integration = integrations.github.byHost(host);
    if (!integration) {
      throw new Error(
        `coverage.github.host ${host} has no integrations.github entry`,
      );
    }
    this.baseUrl = integration.config.apiBaseUrl ?? 'https://api.github.com';
    this.credentials =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  }

  async octokit(): Promise<Octokit> {
    const { token } = await this.credentials.getCredentials({
      url: `https://${this.host}/${this.organization}`,
    });
    return new Octokit({ baseUrl: this.baseUrl, auth: token });
  }
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/**
 * Says in words why a GitHub call failed: rate limited (primary, until when;
 * secondary, for how long), credentials refused, not found, or unreachable.
 * `what` names the thing read, e.g. "GitHub organisation acme-pay".
 */
export function describeGithubError(error: unknown, what: string): Error {
  const e = error as RequestErrorLike;
  const headers = e?.response?.headers ?? {};
  let reason: string;
  if (!e?.response) {
    reason = `GitHub is unreachable (${e?.message ?? String(error)})`;
  } else if (
    (e.status === 403 || e.status === 429) &&
    headers['x-ratelimit-remaining'] === '0'
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    const until = Number.isFinite(reset)
      ? ` until ${new Date(reset * 1000).toISOString()}`
      : '';
    reason = `GitHub's rate limit is used up${until}`;
  } else if (
    e.status === 429 ||
    (e.status === 403 && headers['retry-after'] !== undefined)
  ) {
    reason = `GitHub's secondary rate limit was hit (retry after ${
      headers['retry-after'] ?? '?'
    } s)`;
  } else if (e.status === 401) {
    reason = `GitHub refused the credentials (${e.message}); check the integrations.github token or app`;
  } else if (e.status === 404) {
    reason =
      'GitHub answered 404 Not Found (missing, or not visible to the credentials)';
  } else {
    reason = `GitHub answered ${e.status} (${e.message})`;
  }
  return new Error(`${what} could not be read: ${reason}`, { cause: error });
}
