import { Knex } from 'knex';
import {
  ActiveUsers,
  DataSource,
  TopEntry,
} from '@internal/plugin-space-metrics-common';
import { chunk } from './util';

/** Categories of usage, derived from the frontend's analytics events. */
export type UsageCategory =
  | 'page'
  | 'docs'
  | 'search'
  | 'search-empty'
  | 'template'
  | 'other';

/** A raw event as stored. */
export interface UsageEventRow {
  occurredAt: Date;
  userRef: string;
  category: UsageCategory;
  subject: string;
  source: DataSource;
}

/** One day's count of one subject for one team. */
export interface DailyCount {
  category: UsageCategory;
  subject: string;
  teamRef: string;
  count: number;
  source: DataSource;
}

/** Raw analytics events and what remains of them. */
export interface UsageStore {
  insertEvents(events: UsageEventRow[]): Promise<void>;
  /** Days (YYYY-MM-DD) with raw events on or after `fromDay`. */
  daysWithEvents(fromDay: string): Promise<string[]>;
  /** Events of one day per category, subject, person and source. */
  countDay(day: string): Promise<
    {
      category: UsageCategory;
      subject: string;
      userRef: string;
      source: DataSource;
      count: number;
    }[]
  >;
  /** Replaces the day's aggregates. */
  replaceDaily(day: string, counts: DailyCount[]): Promise<void>;
  /** Distinct people per source with events in [fromDay, toDay). */
  activePeople(
    fromDay: string,
    toDay: string,
  ): Promise<Map<DataSource, Set<string>>>;
  /** Replaces the active-people counts of one week or month. */
  replaceActive(
    period: 'week' | 'month',
    start: string,
    rows: { groupRef: string; users: number; source: DataSource }[],
  ): Promise<void>;
  deleteEventsBefore(cutoff: Date): Promise<number>;
  /** Recomputes one month's totals (YYYY-MM) from the daily ones. */
  replaceMonthly(month: string): Promise<void>;
  /** Top subjects of a category in [fromDay, toDay], for some teams or all. */
  top(options: {
    category: UsageCategory;
    fromDay: string;
    toDay: string;
    teams?: string[];
    limit: number;
  }): Promise<TopEntry[]>;
  /** Active people per week or month starting in [fromDay, toDay]. */
  active(options: {
    period: 'week' | 'month';
    fromDay: string;
    toDay: string;
    groupRef: string;
  }): Promise<ActiveUsers[]>;
  hasDemo(): Promise<boolean>;
}

/** The team_ref of the all-teams totals in usage_daily and usage_monthly. */
export const ALL_TEAMS = '*';

function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/**
 * Splits [fromDay, toDay] (inclusive) into whole months (first and last
 * YYYY-MM, or undefined) and the day ranges before and after them.
 */
export function splitRange(
  fromDay: string,
  toDay: string,
): { months?: [string, string]; days: [string, string][] } {
  const dayBefore = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
  const firstMonth = fromDay.endsWith('-01')
    ? fromDay.slice(0, 7)
    : nextMonthStart(fromDay.slice(0, 7)).slice(0, 7);
  const afterTo = new Date(Date.parse(`${toDay}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  const lastMonth = afterTo.endsWith('-01')
    ? toDay.slice(0, 7)
    : dayBefore(`${toDay.slice(0, 7)}-01`).slice(0, 7);
  if (firstMonth > lastMonth) return { days: [[fromDay, toDay]] };
  const days: [string, string][] = [];
  if (fromDay < `${firstMonth}-01`)
    days.push([fromDay, dayBefore(`${firstMonth}-01`)]);
  const end = nextMonthStart(lastMonth);
  if (end <= toDay) days.push([end, toDay]);
  return { months: [firstMonth, lastMonth], days };
}

export class DatabaseUsageStore implements UsageStore {
  constructor(private readonly db: Knex) {}

  async insertEvents(events: UsageEventRow[]) {
    for (const part of chunk(events, 500)) {
      await this.db('usage_events').insert(
        part.map(e => ({
          occurred_at: e.occurredAt,
          day: e.occurredAt.toISOString().slice(0, 10),
          user_ref: e.userRef,
          category: e.category,
          subject: e.subject,
          source: e.source,
        })),
      );
    }
  }

  async daysWithEvents(fromDay: string) {
    const rows = await this.db('usage_events')
      .where('day', '>=', fromDay)
      .distinct('day')
      .orderBy('day');
    return rows.map(r => r.day as string);
  }

  async countDay(day: string) {
    const rows = await this.db('usage_events')
      .where({ day })
      .groupBy('category', 'subject', 'user_ref', 'source')
      .select('category', 'subject', 'user_ref', 'source')
      .count({ n: '*' });
    return rows.map((r: any) => ({
      category: r.category,
      subject: r.subject,
      userRef: r.user_ref,
      source: r.source,
      count: Number(r.n),
    }));
  }

  async replaceDaily(day: string, counts: DailyCount[]) {
    await this.db.transaction(async tx => {
      await tx('usage_daily').where({ day }).delete();
      for (const part of chunk(counts, 500)) {
        await tx('usage_daily').insert(
          part.map(c => ({
            day,
            category: c.category,
            subject: c.subject,
            team_ref: c.teamRef,
            count: c.count,
            source: c.source,
          })),
        );
      }
    });
  }

  async activePeople(fromDay: string, toDay: string) {
    const rows = await this.db('usage_events')
      .where('day', '>=', fromDay)
      .andWhere('day', '<', toDay)
      .distinct('user_ref', 'source');
    const result = new Map<DataSource, Set<string>>();
    for (const r of rows) {
      const set = result.get(r.source) ?? new Set<string>();
      set.add(r.user_ref);
      result.set(r.source, set);
    }
    return result;
  }

  async replaceActive(
    period: 'week' | 'month',
    start: string,
    rows: { groupRef: string; users: number; source: DataSource }[],
  ) {
    await this.db.transaction(async tx => {
      await tx('usage_active').where({ period, start }).delete();
      for (const part of chunk(rows, 500)) {
        await tx('usage_active').insert(
          part.map(r => ({
            period,
            start,
            group_ref: r.groupRef,
            users: r.users,
            source: r.source,
          })),
        );
      }
    });
  }

  async deleteEventsBefore(cutoff: Date) {
    return this.db('usage_events').where('occurred_at', '<', cutoff).delete();
  }

  async top(options: {
    category: UsageCategory;
    fromDay: string;
    toDay: string;
    teams?: string[];
    limit: number;
  }) {
    const { category, fromDay, toDay, teams } = options;
    // Whole months from the monthly table, the days at either end from the
    // daily one; the organisation's view reads the all-teams rows ('*').
    const byTeam = (q: Knex.QueryBuilder) =>
      teams ? q.whereIn('team_ref', teams) : q.where('team_ref', ALL_TEAMS);
    const { months, days } = splitRange(fromDay, toDay);
    const parts: Promise<{ subject: string; n: string | number }[]>[] = [];
    if (months) {
      parts.push(
        byTeam(
          this.db('usage_monthly')
            .where({ category })
            .andWhere('month', '>=', months[0])
            .andWhere('month', '<=', months[1]),
        )
          .groupBy('subject')
          .select('subject')
          .sum({ n: 'count' }) as any,
      );
    }
    for (const [from, to] of days) {
      parts.push(
        byTeam(
          this.db('usage_daily')
            .where({ category })
            .andWhere('day', '>=', from)
            .andWhere('day', '<=', to),
        )
          .groupBy('subject')
          .select('subject')
          .sum({ n: 'count' }) as any,
      );
    }
    const totals = new Map<string, number>();
    for (const rows of await Promise.all(parts)) {
      for (const r of rows) {
        totals.set(r.subject, (totals.get(r.subject) ?? 0) + Number(r.n));
      }
    }
    return [...totals]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
      .slice(0, options.limit);
  }

  async replaceMonthly(month: string) {
    const from = `${month}-01`;
    const to = nextMonthStart(month);
    await this.db.transaction(async tx => {
      await tx('usage_monthly').where({ month }).delete();
      await tx.raw(
        `INSERT INTO usage_monthly (month, category, subject, team_ref, count, source)
         SELECT ?, category, subject, team_ref, SUM(count), source FROM usage_daily
         WHERE day >= ? AND day < ?
         GROUP BY category, subject, team_ref, source`,
        [month, from, to],
      );
    });
  }

  async active(options: {
    period: 'week' | 'month';
    fromDay: string;
    toDay: string;
    groupRef: string;
  }) {
    const rows = await this.db('usage_active')
      .where({ period: options.period, group_ref: options.groupRef })
      .andWhere('start', '>=', options.fromDay)
      .andWhere('start', '<=', options.toDay)
      .groupBy('start')
      .select('start')
      .sum({ n: 'users' })
      .orderBy('start');
    return rows.map((r: any) => ({ start: r.start, users: Number(r.n) }));
  }

  async hasDemo() {
    const row = await this.db('usage_active').where({ source: 'demo' }).first();
    return Boolean(row);
  }
}
