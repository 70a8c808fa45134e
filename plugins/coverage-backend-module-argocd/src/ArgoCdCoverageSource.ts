import {
  CoverageSource,
  errorResponseMessage,
  ProductionServiceRecord,
  repoSlugFromUrl,
  unreachableReason,
} from '@internal/plugin-coverage-node';
import { ArgoCdCoverageConfig } from './config';

/** The fields of an Argo CD Application this source reads. */
interface ArgoApplication {
  metadata: { name: string; namespace?: string };
  spec: {
    project?: string;
    source?: ArgoAppSource;
    /** Multi-source applications (Argo CD 2.6+). */
    sources?: ArgoAppSource[];
    destination?: { server?: string; name?: string; namespace?: string };
  };
}

interface ArgoAppSource {
  repoURL?: string;
  /** Set for a Helm chart from a chart repository: not a source repository. */
  chart?: string;
}

/**
 * Argo CD's applications (`GET /api/v1/applications`), each one production
 * service named by the application, matched by the `argocd/app-name`
 * annotation and by the GitHub repository its source points at.
 */
export class ArgoCdCoverageSource implements CoverageSource {
  readonly id = 'argocd';
  readonly title: string;

  constructor(
    private readonly options: ArgoCdCoverageConfig & {
      /** Hosts whose repository URLs give a slug (the GitHub integrations). */
      githubHosts: string[];
    },
  ) {
    this.title = `Argo CD ${new URL(options.baseUrl).host}`;
  }

  async listProductionServices(options?: {
    signal?: AbortSignal;
  }): Promise<ProductionServiceRecord[]> {
    const apps = await this.listApplications(options?.signal);
    const { projects, destinations } = this.options;
    return apps
      .filter(a => !projects || projects.includes(a.spec.project ?? 'default'))
      .filter(
        a =>
          !destinations ||
          destinations.includes(a.spec.destination?.name ?? '') ||
          destinations.includes(a.spec.destination?.server ?? ''),
      )
      .map(a => {
        const repoSlug = [a.spec.source, ...(a.spec.sources ?? [])]
          .filter((s): s is ArgoAppSource => Boolean(s?.repoURL && !s.chart))
          .map(s => repoSlugFromUrl(s.repoURL!, this.options.githubHosts))
          .find(Boolean);
        return {
          name: a.metadata.name,
          ...(repoSlug ? { repoSlug } : {}),
          annotations: { 'argocd/app-name': a.metadata.name },
          url: `${this.options.baseUrl}/applications/${encodeURIComponent(
            a.metadata.name,
          )}`,
        };
      });
  }

  private async listApplications(
    signal?: AbortSignal,
  ): Promise<ArgoApplication[]> {
    const what = `${this.title} could not be read`;
    let res: Response;
    try {
      res = await fetch(`${this.options.baseUrl}/api/v1/applications`, {
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          Accept: 'application/json',
        },
        signal,
      });
    } catch (error) {
      throw new Error(
        `${what}: Argo CD is unreachable (${unreachableReason(error)})`,
        { cause: error },
      );
    }
    if (!res.ok) {
      const message = await errorResponseMessage(res);
      if (res.status === 401 || res.status === 403) {
        throw new Error(
          `${what}: Argo CD refused the token (${res.status} ${message}); check coverage.argocd.token`,
        );
      }
      throw new Error(`${what}: Argo CD answered ${res.status} (${message})`);
    }
    const body = (await res.json()) as { items?: ArgoApplication[] | null };
    // Argo CD answers `items: null` when there are no applications.
    return body.items ?? [];
  }
}
