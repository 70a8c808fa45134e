import {
  AdoptionReport,
  OutdatedComponent,
  TemplateRuns,
  quarterOf,
} from '@internal/plugin-space-metrics-common';
import { AdoptionStore, TaskRow } from '../database/AdoptionStore';
import { median } from '../metrics/percentile';
import { OrgSource } from './CatalogOrgSource';
import { Period } from './period';

/**
 * Compares dotted versions numerically (1.10.0 > 1.9.2); a part that is not
 * a number compares as text. Negative when a < b.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split(/[.-]/);
  const pb = b.replace(/^v/, '').split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff =
      Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Runs, success rate and median duration per template. */
export function templateRuns(
  tasks: TaskRow[],
): Omit<TemplateRuns, 'title' | 'currentVersion'>[] {
  const byTemplate = new Map<string, TaskRow[]>();
  for (const t of tasks) {
    byTemplate.set(t.templateRef, [
      ...(byTemplate.get(t.templateRef) ?? []),
      t,
    ]);
  }
  return [...byTemplate].map(([templateRef, runs]) => {
    const succeeded = runs.filter(r => r.status === 'completed').length;
    const failed = runs.filter(r => r.status === 'failed').length;
    const durations = runs
      .filter(
        r =>
          r.finishedAt && (r.status === 'completed' || r.status === 'failed'),
      )
      .map(r => (r.finishedAt!.getTime() - r.createdAt.getTime()) / 1000);
    const med = median(durations);
    return {
      templateRef,
      runs: runs.length,
      succeeded,
      failed,
      successRate:
        succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
      medianDurationSeconds: med === null ? null : Math.round(med * 10) / 10,
    };
  });
}

/** Scaffolder adoption: new components from templates, runs, outdated services. */
export class AdoptionService {
  constructor(
    private readonly store: AdoptionStore,
    private readonly org: OrgSource,
    private readonly isDemo: () => Promise<boolean>,
  ) {}

  async report(period: Period): Promise<AdoptionReport> {
    const org = await this.org.get();
    const owners = period.group ? org.descendantsOf(period.group) : undefined;
    const people = period.group ? org.membersOf(period.group) : undefined;
    const [components, tasks, templates, withTemplate] = await Promise.all([
      this.store.componentsFirstSeen(period.from, period.to),
      this.store.tasksCreated(period.from, period.to),
      this.store.listTemplates(),
      this.store.componentsWithTemplate(),
    ]);
    const owned = (ownerRef?: string) =>
      !owners || (ownerRef !== undefined && owners.has(ownerRef));

    const periods = period.quarters.map(quarter => {
      const inQuarter = components.filter(
        c => quarterOf(c.firstSeenAt) === quarter && owned(c.ownerRef),
      );
      const fromTemplate = inQuarter.filter(c => c.templateRef).length;
      return {
        quarter,
        newComponents: inQuarter.length,
        fromTemplate,
        share: inQuarter.length === 0 ? null : fromTemplate / inQuarter.length,
      };
    });

    const templateInfo = new Map(templates.map(t => [t.templateRef, t]));
    const runs = templateRuns(
      tasks.filter(t => !people || (t.createdBy && people.has(t.createdBy))),
    ).map(r => ({
      ...r,
      title: templateInfo.get(r.templateRef)?.title,
      currentVersion: templateInfo.get(r.templateRef)?.currentVersion,
    }));
    // Templates nobody ran in the period still belong on the list.
    for (const t of templates) {
      if (!runs.some(r => r.templateRef === t.templateRef)) {
        runs.push({
          templateRef: t.templateRef,
          title: t.title,
          currentVersion: t.currentVersion,
          runs: 0,
          succeeded: 0,
          failed: 0,
          successRate: null,
          medianDurationSeconds: null,
        });
      }
    }
    runs.sort(
      (a, b) => b.runs - a.runs || a.templateRef.localeCompare(b.templateRef),
    );

    const outdated: OutdatedComponent[] = [];
    for (const c of withTemplate) {
      const current = templateInfo.get(c.templateRef!)?.currentVersion;
      if (!owned(c.ownerRef) || !current || !c.templateVersion) continue;
      if (compareVersions(c.templateVersion, current) < 0) {
        outdated.push({
          componentRef: c.entityRef,
          templateRef: c.templateRef!,
          version: c.templateVersion,
          currentVersion: current,
        });
      }
    }
    outdated.sort((a, b) => a.componentRef.localeCompare(b.componentRef));
    return { periods, templates: runs, outdated, demo: await this.isDemo() };
  }
}
