import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { MetaStore } from '../database/MetaStore';
import { SurveyStore } from '../database/SurveyStore';
import { DeploymentStore } from '../database/DeploymentStore';
import { AdoptionStore } from '../database/AdoptionStore';
import { UsageStore } from '../database/UsageStore';
import { deleteDemoData } from '../database/migrate';
import { OrgModel } from '../services/OrgModel';
import { UsageService } from '../services/UsageService';
import { Random } from './random';
import { demoSurveyAnswers } from './seedSurvey';
import { DemoComponent, demoDeployments } from './seedDeployments';
import { demoAdoption } from './seedAdoption';
import { demoUsageEvents } from './seedUsage';

/** The seed of the demo history: the same data on every machine for a given day. */
const SEED = 20261126;

/**
 * The demo seed: a believable year of history for the demo organisation,
 * every row marked `source = 'demo'` (the dashboard says so). It runs once,
 * when the catalog has the organisation; `remove()` deletes it again.
 */
export class DemoSeeder {
  private lastSize?: string;

  constructor(
    private readonly deps: {
      db: Knex;
      meta: MetaStore;
      survey: SurveyStore;
      deployments: DeploymentStore;
      adoption: AdoptionStore;
      usageStore: UsageStore;
      usage: UsageService;
      /** Reads the organisation afresh (not a cached copy). */
      loadOrg: () => Promise<OrgModel>;
      components: () => Promise<DemoComponent[]>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async isSeeded(): Promise<boolean> {
    return Boolean(await this.deps.meta.get('demo-seeded-at'));
  }

  /** Seeds unless already seeded; false when the catalog is not ready yet. */
  async seed(): Promise<boolean> {
    if (await this.isSeeded()) return true;
    const { meta, logger } = this.deps;
    // In a fixed order: the catalog's order differs between databases, and the
    // same seed should give the same history.
    const loaded = await this.deps.loadOrg();
    const byRef = <T extends { ref: string }>(a: T, b: T) =>
      a.ref.localeCompare(b.ref);
    const org = new OrgModel(
      [...loaded.groups.values()].sort(byRef),
      [...loaded.users.values()].sort(byRef),
    );
    const components = (await this.deps.components()).sort(byRef);
    // The catalog fills up over the first seconds after a start: seed only
    // once two looks in a row saw the same organisation.
    const size = `${org.users.size}/${org.groups.size}/${components.length}`;
    const settled = size === this.lastSize && org.users.size >= 5;
    this.lastSize = size;
    if (!settled) {
      logger.info(
        `Demo data waits for the catalog to settle (${size} users/groups/components)`,
      );
      return false;
    }
    const now = this.deps.now?.() ?? new Date();
    const random = new Random(SEED);
    const t0 = Date.now();
    const answers = demoSurveyAnswers(org, now, random);
    await this.deps.survey.putAnswers(answers);
    const deployments = demoDeployments(org, components, now, random);
    await this.deps.deployments.recordMany(deployments);
    const { components: seen, tasks } = demoAdoption(org, now, random);
    await this.deps.adoption.putComponents(seen);
    await this.deps.adoption.putTasks(tasks);
    const events = demoUsageEvents(org, now, random);
    await this.deps.usageStore.insertEvents(events);
    await this.deps.usage.rollup({ everything: true });
    await meta.set('demo-seeded-at', now.toISOString());
    logger.info(
      `Seeded demo data in ${Date.now() - t0} ms: ${
        answers.length
      } survey answers, ${deployments.length} deployments, ${
        seen.length
      } new components, ${tasks.length} Scaffolder runs, ${
        events.length
      } analytics events`,
    );
    return true;
  }

  async remove(): Promise<void> {
    if (!(await this.isSeeded())) return;
    await deleteDemoData(this.deps.db);
    this.deps.logger.info(
      'Deleted the demo data (spaceMetrics.demoData.enabled is off)',
    );
  }
}
