import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DEFAULT_COVERAGE_THRESHOLD } from '@internal/plugin-coverage-common';

/** The plugin's settings, read once at start-up (see config.d.ts). */
export interface CoverageSettings {
  threshold: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
  inventoryFile?: string;
  gitHostOwners: string[];
  demoRepositories: boolean;
  docsUrl: string;
  organisationTitle: string;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 24 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 2 },
};

/** Reads and checks the settings; a bad value stops start-up naming the key. */
export function readSettings(config: Config): CoverageSettings {
  const c = config.getOptionalConfig('coverage');
  const threshold =
    c?.getOptionalNumber('threshold') ?? DEFAULT_COVERAGE_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new Error(
      `coverage.threshold must be a share between 0 and 1 (0.8 means 80 %), got ${threshold}`,
    );
  }
  const appBase = config.getOptionalString('app.baseUrl') ?? '';
  return {
    threshold,
    schedule: c?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    // Empty (production's COVERAGE_INVENTORY_FILE unset) means no inventory.
    inventoryFile: c?.getOptionalString('inventory.file') || undefined,
    gitHostOwners: c?.getOptionalStringArray('gitHost.owners') ?? [],
    demoRepositories: c?.getOptionalBoolean('demoRepositories') ?? false,
    docsUrl:
      c?.getOptionalString('docsUrl') ??
      `${appBase}/docs/default/component/developer-portal/coverage/`,
    organisationTitle:
      config.getOptionalString('organization.name') ?? 'Organisation',
  };
}
