import {
  CoverageSource,
  errorResponseMessage,
  ProductionServiceRecord,
  repoSlugsInText,
  unreachableReason,
} from '@internal/plugin-coverage-node';
import { PagerDutyCoverageConfig } from './config';

/** The fields of a PagerDuty service this source reads. */
interface PagerDutyService {
  id: string;
  name: string;
  description?: string | null;
  status: string;
  html_url: string;
}

/** PagerDuty's largest page for classic (offset) paging. */
const PAGE_SIZE = 100;

/**
 * PagerDuty's services (REST API v2 `GET /services`), each one production
 * service keyed by the `pagerduty.com/service-id` annotation. Disabled
 * services are left out. A description that links exactly one GitHub
 * repository also gives the repository slug.
 */
export class PagerDutyCoverageSource implements CoverageSource {
  readonly id = 'pagerduty';
  readonly title: string;

  constructor(
    private readonly options: PagerDutyCoverageConfig & {
      /** Hosts whose repository URLs give a slug (the GitHub integrations). */
      githubHosts: string[];
    },
  ) {
    this.title = `PagerDuty ${new URL(options.apiBaseUrl).host}`;
  }

  async listProductionServices(options?: {
    signal?: AbortSignal;
  }): Promise<ProductionServiceRecord[]> {
    const services: PagerDutyService[] = [];
    // All pages or nothing: a failure on page 3 fails the source instead of
    // reporting fewer services.
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.page(offset, options?.signal);
      services.push(...page.services);
      if (!page.more || page.services.length === 0) break;
    }
    return services
      .filter(s => s.status !== 'disabled')
      .map(s => {
        const slugs = repoSlugsInText(
          s.description ?? '',
          this.options.githubHosts,
        );
        return {
          name: s.name,
          // Several repositories named: which one is the service's is a guess.
          ...(slugs.length === 1 ? { repoSlug: slugs[0] } : {}),
          annotations: { 'pagerduty.com/service-id': s.id },
          url: s.html_url,
        };
      });
  }

  private async page(
    offset: number,
    signal?: AbortSignal,
  ): Promise<{ services: PagerDutyService[]; more: boolean }> {
    const what = `${this.title} could not be read`;
    const url = new URL(`${this.options.apiBaseUrl}/services`);
    url.searchParams.set('limit', String(PAGE_SIZE));
    url.searchParams.set('offset', String(offset));
    for (const team of this.options.teamIds ?? []) {
      url.searchParams.append('team_ids[]', team);
    }
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          Authorization: `Token token=${this.options.token}`,
          Accept: 'application/vnd.pagerduty+json;version=2',
        },
        signal,
      });
    } catch (error) {
      throw new Error(
        `${what}: PagerDuty is unreachable (${unreachableReason(error)})`,
        { cause: error },
      );
    }
    if (!res.ok) {
      const message = await errorResponseMessage(res);
      if (res.status === 401 || res.status === 403) {
        throw new Error(
          `${what}: PagerDuty refused the token (${res.status} ${message}); check coverage.pagerduty.token`,
        );
      }
      if (res.status === 429) {
        const reset = res.headers.get('ratelimit-reset');
        throw new Error(
          `${what}: PagerDuty's rate limit was hit${
            reset ? ` (resets in ${reset} s)` : ''
          }`,
        );
      }
      throw new Error(`${what}: PagerDuty answered ${res.status} (${message})`);
    }
    const body = (await res.json()) as {
      services?: PagerDutyService[];
      more?: boolean;
    };
    return { services: body.services ?? [], more: Boolean(body.more) };
  }
}
