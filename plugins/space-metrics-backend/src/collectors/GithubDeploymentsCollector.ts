import { LoggerService } from '@backstage/backend-plugin-api';
import { DeploymentStore } from '../database/DeploymentStore';
import { MetaStore } from '../database/MetaStore';
import { OrgSource } from '../services/CatalogOrgSource';
import { PRODUCTION } from '../services/TtfdService';
import { GithubClient } from './GithubClient';
import { DeployableComponent } from './deployableComponents';

const FINAL = new Set(['success', 'failure', 'error', 'inactive']);

/**
 * Reads production deployments from GitHub's deployments API of every
 * component with a `github.com/project-slug` annotation. A deployment counts
 * from its first `success` status; one still in progress is read again on the
 * next run. Authors are those of the commits since the previous successful
 * deployment.
 */
export class GithubDeploymentsCollector {
  constructor(
    private readonly options: {
      github: GithubClient;
      environments: string[];
      store: DeploymentStore;
      meta: MetaStore;
      org: OrgSource;
      logger: LoggerService;
    },
  ) {}

  async run(components: DeployableComponent[]): Promise<number> {
    let recorded = 0;
    for (const c of components) {
      if (!c.githubRepo) continue;
      for (const environment of this.options.environments) {
        try {
          recorded += await this.collect(c, environment);
        } catch (error) {
          this.options.logger.warn(
            `GitHub deployments of ${c.githubRepo} (${environment}) could not be read: ${error}`,
          );
        }
      }
    }
    return recorded;
  }

  private async collect(
    c: DeployableComponent,
    environment: string,
  ): Promise<number> {
    const { github, store, meta } = this.options;
    const key = `github-deployments:${c.githubRepo}:${environment}`;
    const cursor = JSON.parse((await meta.get(key)) ?? '{"id":0}') as {
      id: number;
      sha?: string;
    };
    const org = await this.options.org.get();
    let recorded = 0;
    for (const d of await github.deployments(c.githubRepo!, environment)) {
      if (d.id <= cursor.id) continue;
      const statuses = await github.statuses(c.githubRepo!, d.id);
      const success = statuses
        .filter(s => s.state === 'success')
        .sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
      // Still running: read it again next time, and nothing after it yet.
      if (!success && !statuses.some(s => FINAL.has(s.state))) break;
      if (success) {
        const identities = await github.commitAuthors(
          c.githubRepo!,
          d.sha,
          cursor.sha && cursor.sha !== d.sha ? cursor.sha : undefined,
        );
        const result = await store.record({
          serviceRef: c.ref,
          environment: PRODUCTION,
          revision: d.sha.toLowerCase(),
          deployedAt: new Date(success.created_at),
          reportedBy: 'github',
          url: success.log_url,
          authors: identities
            .map(a => org.resolveUser(a))
            .filter((r): r is string => Boolean(r)),
          source: 'live',
        });
        if (result.created) recorded++;
        cursor.sha = d.sha;
      }
      cursor.id = d.id;
      await meta.set(key, JSON.stringify(cursor));
    }
    return recorded;
  }
}
