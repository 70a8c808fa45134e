import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CoverageReport,
  CoverageTrend,
  EntityCompleteness,
  MEASURE_IDS,
  MissingRepository,
  PullRequestResult,
  TeamView,
} from '@internal/plugin-coverage-common';
import { SnapshotStore } from '../database/SnapshotStore';
import { CatalogView } from '../measures/catalogView';
import {
  CheckContext,
  completeness,
  TECHDOCS_ANNOTATION,
} from '../measures/checks';
import { ORGANISATION_SCOPE } from '../measures/rollup';
import { DocsStatus } from './SnapshotService';
import { CatalogAccess } from './CatalogAccess';
import { OwnerGuesser } from './OwnerGuesser';
import { generateCatalogInfo } from './catalogInfo';

const NO_SNAPSHOT =
  'No coverage snapshot yet: the first is taken shortly after the portal starts (coverage.schedule), or take one now with POST /api/coverage/snapshots';
// No slash: the local git host allows letters, digits, dots, dashes, underscores.
export const PULL_REQUEST_BRANCH = 'coverage-add-catalog-info';
const DAY_MS = 86_400_000;

/** What the routes read: the stored snapshots, and the catalog for live cards. */
export class CoverageService {
  private cached?: { key: string; text: string; report: CoverageReport };
  private cachedMissing?: { key: string; missing: MissingRepository[] };

  constructor(
    private readonly options: {
      store: SnapshotStore;
      catalog: CatalogAccess;
      docs: DocsStatus;
      owners: OwnerGuesser;
      fixUrl: CheckContext['fixUrl'];
      now?: () => Date;
    },
  ) {}

  /**
   * The latest report as JSON text. Kept in memory and re-read only when the
   * latest snapshot's content hash changes (another replica may have taken it),
   * so a dashboard read costs one small query, not a parse of the whole report.
   */
  async reportText(): Promise<string> {
    const head = await this.options.store.latestHead();
    if (!head) throw new NotFoundError(NO_SNAPSHOT);
    const key = `${head.day}/${head.hash}`;
    if (this.cached?.key !== key) {
      const text = await this.options.store.reportText(head.day);
      if (!text) throw new NotFoundError(NO_SNAPSHOT);
      this.cached = { key, text, report: JSON.parse(text) };
    }
    return this.cached.text;
  }

  async report(): Promise<CoverageReport> {
    await this.reportText();
    return this.cached!.report;
  }

  async missing(): Promise<MissingRepository[]> {
    const head = await this.options.store.latestHead();
    if (!head) throw new NotFoundError(NO_SNAPSHOT);
    const key = `${head.day}/${head.hash}`;
    if (this.cachedMissing?.key !== key) {
      const list = await this.options.store.latestMissing();
      if (!list) throw new NotFoundError(NO_SNAPSHOT);
      this.cachedMissing = { key, missing: list };
    }
    const { missing } = this.cachedMissing;
    const prs = await this.options.store.pullRequests();
    return missing.map(m =>
      prs.has(m.repoSlug) ? { ...m, pullRequestUrl: prs.get(m.repoSlug) } : m,
    );
  }

  async trend(days: number, scope: string): Promise<CoverageTrend> {
    const head = await this.options.store.latestHead();
    if (!head) throw new NotFoundError(NO_SNAPSHOT);
    const latest = Date.parse(`${head.day}T00:00:00Z`);
    const since = new Date(latest - (days - 1) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const points = await this.options.store.trend(scope, since);
    if (points.length === 0 && scope !== ORGANISATION_SCOPE) {
      throw new NotFoundError(
        `'${scope}' is not a Group or System of the coverage report`,
      );
    }
    const last = points.at(-1);
    const weekAgoDay = last
      ? new Date(Date.parse(`${last.day}T00:00:00Z`) - 7 * DAY_MS)
          .toISOString()
          .slice(0, 10)
      : undefined;
    const weekAgo = points.find(p => p.day === weekAgoDay);
    const change = Object.fromEntries(
      MEASURE_IDS.map(m => {
        const now = last?.ratios[m];
        const then = weekAgo?.ratios[m];
        return [
          m,
          now === null ||
          now === undefined ||
          then === null ||
          then === undefined
            ? null
            : now - then,
        ];
      }),
    ) as CoverageTrend['changeSinceLastWeek'];
    return { scope, days, points, changeSinceLastWeek: change };
  }

  async team(groupRef: string): Promise<TeamView> {
    if (!(await this.options.store.latestHead())) {
      return { team: null, entities: [], missing: [] };
    }
    const report = await this.report();
    const team = report.teams.find(t => t.ref === groupRef);
    if (!team) {
      throw new NotFoundError(
        `${groupRef} is not a Group in the latest coverage snapshot (${report.day})`,
      );
    }
    // The Group and every Group below it.
    const subtree = new Set([groupRef]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of report.teams) {
        if (t.parentRef && subtree.has(t.parentRef) && !subtree.has(t.ref)) {
          subtree.add(t.ref);
          grew = true;
        }
      }
    }
    const entities = await this.options.store.entitiesOwnedBy([...subtree]);
    const missing = (await this.missing()).filter(
      m => m.ownerGuess && subtree.has(m.ownerGuess.ref),
    );
    return { team, entities, missing };
  }

  /** An entity's card, computed now from the catalog. */
  async entity(ref: string): Promise<EntityCompleteness> {
    const { catalog } = this.options;
    const entity = await catalog.get(ref);
    if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
    const around = await catalog.neighbourhood(entity);
    // The owner Group's members come from its hasMember relations.
    const view = new CatalogView([entity, ...around]);
    const built = entity.metadata.annotations?.[TECHDOCS_ANNOTATION]
      ? await this.options.docs.built([entity])
      : new Set<string>();
    const entityRef = stringifyEntityRef(entity);
    const production = await this.options.store.isProduction(entityRef);
    return completeness(
      entity,
      {
        catalog: view,
        docsBuilt: r => built.has(r),
        fixUrl: this.options.fixUrl,
      },
      production,
    );
  }

  /** Opens a pull request adding a generated catalog-info.yaml to a missing repository. */
  async pullRequest(repoSlug: string): Promise<PullRequestResult> {
    const missing = await this.missing();
    const repo = missing.find(
      m => m.repoSlug === repoSlug.toLocaleLowerCase('en-US'),
    );
    if (!repo) {
      throw new NotFoundError(
        `${repoSlug} is not a production repository missing from the catalog in the latest snapshot`,
      );
    }
    const host = this.options.owners.hostFor(repo.repoSlug);
    if (!host) {
      throw new InputError(
        `No repository host is configured for ${repo.repoSlug}: add the GitHub module, or list its owner under coverage.gitHost.owners`,
      );
    }
    const catalogInfoYaml = generateCatalogInfo(repo);
    const { url, branch } = await host.openPullRequest({
      repoSlug: repo.repoSlug,
      branch: PULL_REQUEST_BRANCH,
      path: 'catalog-info.yaml',
      content: catalogInfoYaml,
      title: 'Add catalog-info.yaml (generated by the portal)',
      body: repo.ownerGuess
        ? `This repository runs in production but is not in the catalog. The owner is a guess (${repo.ownerGuess.basis}: ${repo.ownerGuess.detail}); please check it.`
        : 'This repository runs in production but is not in the catalog. No owner could be guessed: set spec.owner before merging.',
    });
    await this.options.store.savePullRequest({
      repoSlug: repo.repoSlug,
      host: host.id,
      url,
      branch,
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
    return {
      repoSlug: repo.repoSlug,
      host: host.id,
      url,
      branch,
      catalogInfoYaml,
    };
  }
}
