import { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseSurveyStore } from '../database/SurveyStore';
import { DatabaseDeploymentStore } from '../database/DeploymentStore';
import { DatabaseAdoptionStore } from '../database/AdoptionStore';
import { DatabaseUsageStore } from '../database/UsageStore';
import { MetaStore } from '../database/MetaStore';
import { SurveyService } from '../services/SurveyService';
import { NpsService } from '../services/NpsService';
import { TtfdService } from '../services/TtfdService';
import { AdoptionService } from '../services/AdoptionService';
import { UsageService } from '../services/UsageService';
import { DeploymentService } from '../services/DeploymentService';
import { readSettings } from '../config';
import { OrgSource } from '../services/CatalogOrgSource';
import { staticOrg } from './org';

/** Every service of the plugin over one database, as plugin.ts wires them. */
export function createServices(
  db: Knex,
  options: {
    org?: OrgSource;
    now?: () => Date;
    components?: string[];
    config?: object;
  } = {},
) {
  const org = options.org ?? staticOrg();
  const settings = readSettings(
    mockServices.rootConfig({ data: { spaceMetrics: options.config ?? {} } }),
  );
  const meta = new MetaStore(db);
  const stores = {
    survey: new DatabaseSurveyStore(db),
    deployments: new DatabaseDeploymentStore(db),
    adoption: new DatabaseAdoptionStore(db),
    usage: new DatabaseUsageStore(db),
    meta,
  };
  const isDemo = async () => Boolean(await meta.get('demo-seeded-at'));
  const components = new Set(
    options.components ?? ['component:default/payments'],
  );
  return {
    org,
    settings,
    stores,
    isDemo,
    survey: new SurveyService(stores.survey, org, settings, options.now),
    nps: new NpsService(stores.survey, org, settings.threshold, isDemo),
    ttfd: new TtfdService(stores.deployments, org, settings.threshold, isDemo),
    adoption: new AdoptionService(stores.adoption, org, isDemo),
    usage: new UsageService(
      stores.usage,
      meta,
      org,
      settings,
      mockServices.logger.mock(),
      options.now,
    ),
    deployments: new DeploymentService(
      stores.deployments,
      { exists: async ref => components.has(ref) },
      org,
      options.now,
    ),
  };
}
