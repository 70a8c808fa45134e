import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AnalyticsEventInput,
  DataSource,
  UsageReport,
} from '@internal/plugin-space-metrics-common';
import {
  ALL_TEAMS,
  DailyCount,
  UsageEventRow,
  UsageStore,
} from '../database/UsageStore';
import { MetaStore } from '../database/MetaStore';
import { SpaceMetricsSettings } from '../config';
import { OrgModel } from './OrgModel';
import { OrgSource } from './CatalogOrgSource';
import { Period } from './period';
import { classifyEvent, monthStart, periodEnd, weekStart } from './usageEvents';

const TOP = 10;

/** The team an event is counted for: the person's first direct group. */
function teamOf(org: OrgModel, userRef: string): string {
  return [...(org.users.get(userRef)?.groups ?? [])].sort()[0] ?? '';
}

/** Collects analytics events, rolls them up, expires them, reports usage. */
export class UsageService {
  constructor(
    private readonly store: UsageStore,
    private readonly meta: MetaStore,
    private readonly org: OrgSource,
    private readonly settings: SpaceMetricsSettings,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a batch of events of one signed-in person; returns how many counted. */
  async ingest(
    userRef: string,
    events: AnalyticsEventInput[],
  ): Promise<number> {
    if (!Array.isArray(events)) throw new InputError('events must be a list');
    if (events.length > this.settings.usage.maxBatchSize) {
      throw new InputError(
        `at most ${this.settings.usage.maxBatchSize} events per request, got ${events.length}; send smaller batches`,
      );
    }
    const occurredAt = this.now();
    const rows: UsageEventRow[] = [];
    for (const [i, e] of events.entries()) {
      if (!e || typeof e.action !== 'string' || typeof e.subject !== 'string') {
        throw new InputError(
          `events[${i}] needs an action and a subject (text)`,
        );
      }
      // The server's clock, not the browser's: history cannot be written back.
      for (const c of classifyEvent(e)) {
        rows.push({ occurredAt, userRef, source: 'live', ...c });
      }
    }
    await this.store.insertEvents(rows);
    return rows.length;
  }

  /**
   * Rolls raw events up into daily counts and weekly/monthly active people,
   * then deletes events past the retention time. Idempotent: running it twice
   * (or on two replicas) gives the same tables.
   */
  async rollup(options: { everything?: boolean } = {}): Promise<void> {
    const org = await this.org.get();
    const now = this.now();
    const cutoff = new Date(now.getTime() - this.settings.usage.retentionMs);
    const cutoffDay = cutoff.toISOString().slice(0, 10);
    const last = (await this.meta.get('usage-rolled-up-to')) ?? cutoffDay;
    // The last rolled-up day may have had more events since. `everything`
    // (the demo seed) also counts events that are about to expire.
    let fromDay = last > cutoffDay ? last : cutoffDay;
    if (options.everything) fromDay = '0000-00-00';
    const days = (await this.store.daysWithEvents(fromDay)).filter(
      d => options.everything || d > cutoffDay,
    );

    for (const day of days) {
      const counts = new Map<string, DailyCount>();
      for (const r of await this.store.countDay(day)) {
        const teamRef = teamOf(org, r.userRef);
        const key = [r.category, r.subject, teamRef, r.source].join('\u0000');
        const c = counts.get(key);
        if (c) c.count += r.count;
        else
          counts.set(key, {
            category: r.category,
            subject: r.subject,
            teamRef,
            count: r.count,
            source: r.source,
          });
      }
      // The same counts over all teams, for the organisation's view.
      const all = new Map<string, DailyCount>();
      for (const c of counts.values()) {
        const key = [c.category, c.subject, c.source].join('\u0000');
        const a = all.get(key);
        if (a) a.count += c.count;
        else all.set(key, { ...c, teamRef: ALL_TEAMS });
      }
      await this.store.replaceDaily(day, [...counts.values(), ...all.values()]);
    }
    for (const month of new Set(days.map(d => d.slice(0, 7)))) {
      await this.store.replaceMonthly(month);
    }

    const periods = new Set<string>();
    for (const day of days) {
      periods.add(`week ${weekStart(day)}`);
      periods.add(`month ${monthStart(day)}`);
    }
    for (const p of periods) {
      const [period, start] = p.split(' ') as ['week' | 'month', string];
      // Only periods whose events are all still there are counted (again).
      if (!options.everything && start <= cutoffDay) continue;
      const people = await this.store.activePeople(
        start,
        periodEnd(period, start),
      );
      await this.store.replaceActive(period, start, activeRows(org, people));
    }

    const today = now.toISOString().slice(0, 10);
    if (days.length > 0)
      await this.meta.set(
        'usage-rolled-up-to',
        days[days.length - 1] < today ? days[days.length - 1] : today,
      );
    const deleted = await this.store.deleteEventsBefore(cutoff);
    if (deleted > 0)
      this.logger.info(
        `Deleted ${deleted} analytics events older than ${cutoffDay}`,
      );
  }

  async report(period: Period, isDemo: boolean): Promise<UsageReport> {
    const org = await this.org.get();
    const teams = period.group
      ? [...org.descendantsOf(period.group)]
      : undefined;
    const range = {
      fromDay: period.fromDay,
      toDay: period.toDay,
      teams,
      limit: TOP,
    };
    const groupRef = period.group ?? '';
    const [weekly, monthly, topPages, topTemplates, topDocs, found, empty] =
      await Promise.all([
        this.store.active({
          period: 'week',
          fromDay: weekStart(period.fromDay),
          toDay: period.toDay,
          groupRef,
        }),
        this.store.active({
          period: 'month',
          fromDay: monthStart(period.fromDay),
          toDay: period.toDay,
          groupRef,
        }),
        this.store.top({ ...range, category: 'page' }),
        this.store.top({ ...range, category: 'template' }),
        this.store.top({ ...range, category: 'docs' }),
        this.store.top({ ...range, category: 'search', limit: TOP * 2 }),
        this.store.top({ ...range, category: 'search-empty' }),
      ]);
    // Top searches count every search of a term, whether it found anything or not.
    const searches = new Map(found.map(e => [e.key, e.count]));
    for (const e of empty)
      searches.set(e.key, (searches.get(e.key) ?? 0) + e.count);
    const topSearches = [...searches]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, TOP);
    return {
      weekly,
      monthly,
      topPages,
      topTemplates,
      topDocs,
      topSearches,
      emptySearches: empty,
      demo: isDemo,
    };
  }
}

/** Active people for the organisation ('') and every group, per source. */
function activeRows(
  org: OrgModel,
  people: Map<DataSource, Set<string>>,
): { groupRef: string; users: number; source: DataSource }[] {
  const rows: { groupRef: string; users: number; source: DataSource }[] = [];
  for (const [source, set] of people) {
    const perGroup = new Map<string, number>([['', set.size]]);
    for (const userRef of set) {
      for (const g of org.withAncestors(org.users.get(userRef)?.groups ?? [])) {
        perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
      }
    }
    for (const [groupRef, users] of perGroup)
      rows.push({ groupRef, users, source });
  }
  return rows;
}
