import {
  TtfdCohort,
  TtfdReport,
  quarterOf,
} from '@internal/plugin-space-metrics-common';
import { DeploymentStore } from '../database/DeploymentStore';
import { median, percentile } from '../metrics/percentile';
import { OrgSource } from './CatalogOrgSource';
import { Period } from './period';

const DAY_MS = 86_400_000;
export const PRODUCTION = 'production';

/** The figures of one cohort, from each engineer's days to first deploy. */
export function cohortFigures(
  quarter: string,
  days: readonly (number | undefined)[],
  threshold: number,
): TtfdCohort {
  if (days.length < threshold) {
    return { quarter, shown: false, reason: 'not-enough-responses' };
  }
  const deployed = days.filter((d): d is number => d !== undefined);
  // Times of fewer than `threshold` people would be their own times.
  const enough = deployed.length >= threshold;
  const round = (v: number | null) =>
    v === null ? undefined : Math.round(v * 10) / 10;
  return {
    quarter,
    shown: true,
    engineers: days.length,
    deployed: deployed.length,
    medianDays: enough ? round(median(deployed)) : undefined,
    p75Days: enough ? round(percentile(deployed, 75)) : undefined,
  };
}

/** Time to first deploy of engineers who started in the period, per quarter. */
export class TtfdService {
  constructor(
    private readonly deployments: DeploymentStore,
    private readonly org: OrgSource,
    private readonly threshold: number,
    private readonly isDemo: () => Promise<boolean>,
  ) {}

  async report(period: Period): Promise<TtfdReport> {
    const org = await this.org.get();
    const members = period.group ? org.membersOf(period.group) : undefined;
    const starters = [...org.users.values()].filter(u => {
      if (!u.startDate || (members && !members.has(u.ref))) return false;
      const start = new Date(`${u.startDate}T00:00:00Z`);
      return start >= period.from && start < period.to;
    });
    const first = await this.deployments.firstDeployments(
      starters.map(u => ({
        userRef: u.ref,
        since: new Date(`${u.startDate}T00:00:00Z`),
      })),
      PRODUCTION,
    );
    const byQuarter = new Map<string, (number | undefined)[]>(
      period.quarters.map(q => [q, []]),
    );
    for (const u of starters) {
      const start = new Date(`${u.startDate}T00:00:00Z`);
      const at = first.get(u.ref);
      byQuarter
        .get(quarterOf(start))
        ?.push(at ? (at.getTime() - start.getTime()) / DAY_MS : undefined);
    }
    return {
      threshold: this.threshold,
      cohorts: [...byQuarter].map(([q, days]) =>
        cohortFigures(q, days, this.threshold),
      ),
      demo: await this.isDemo(),
    };
  }
}
