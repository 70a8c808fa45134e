import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DeploymentStore } from '../database/DeploymentStore';
import { MetaStore } from '../database/MetaStore';
import { OrgSource } from '../services/CatalogOrgSource';
import { PRODUCTION } from '../services/TtfdService';
import { GithubClient } from './GithubClient';
import { DeployableComponent } from './deployableComponents';

/** One entry of an Argo CD application's `status.history`. */
interface ArgoHistoryEntry {
  id: number;
  revision: string;
  deployedAt: string;
  source?: { repoURL?: string };
}

/**
 * Reads production deployments from Argo CD's sync history
 * (`GET /api/v1/applications/{name}`) of every component with an
 * `argocd/app-name` annotation (the app that deploys it to production), and
 * their commit authors from GitHub (the commits between two synced revisions).
 * Remembers the last history id per app, so a run only reads what is new.
 */
export class ArgoCdCollector {
  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      github?: GithubClient;
      store: DeploymentStore;
      meta: MetaStore;
      org: OrgSource;
      logger: LoggerService;
    },
  ) {}

  async run(components: DeployableComponent[]): Promise<number> {
    let recorded = 0;
    for (const c of components) {
      if (!c.argoApp) continue;
      try {
        recorded += await this.collect(c);
      } catch (error) {
        this.options.logger.warn(
          `Argo CD history of ${c.argoApp} (${c.ref}) could not be read: ${error}`,
        );
      }
    }
    return recorded;
  }

  private async collect(c: DeployableComponent): Promise<number> {
    const { store, meta, github } = this.options;
    const app = await this.get<{ status?: { history?: ArgoHistoryEntry[] } }>(
      `/api/v1/applications/${encodeURIComponent(c.argoApp!)}`,
    );
    const history = [...(app.status?.history ?? [])].sort(
      (a, b) => a.id - b.id,
    );
    const key = `argocd:${c.argoApp}`;
    const seen = Number((await meta.get(key)) ?? -1);
    const org = await this.options.org.get();
    let recorded = 0;
    for (const [i, entry] of history.entries()) {
      if (entry.id <= seen) continue;
      const previous = history[i - 1]?.revision;
      const identities =
        github && c.githubRepo
          ? await github.commitAuthors(
              c.githubRepo,
              entry.revision,
              previous && previous !== entry.revision ? previous : undefined,
            )
          : [];
      const result = await store.record({
        serviceRef: c.ref,
        environment: PRODUCTION,
        revision: entry.revision.toLowerCase(),
        deployedAt: new Date(entry.deployedAt),
        reportedBy: 'argocd',
        authors: identities
          .map(a => org.resolveUser(a))
          .filter((r): r is string => Boolean(r)),
        source: 'live',
      });
      if (result.created) recorded++;
      await meta.set(key, String(entry.id));
    }
    return recorded;
  }

  private async get<T>(path: string): Promise<T> {
    const res = await fetch(
      `${this.options.baseUrl.replace(/\/$/, '')}${path}`,
      {
        headers: { Authorization: `Bearer ${this.options.token}` },
      },
    );
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }
}
