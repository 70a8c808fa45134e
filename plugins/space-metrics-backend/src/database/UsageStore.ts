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
    const query = this.db('usage_daily')
      .where({ category: options.category })
      .andWhere('day', '>=', options.fromDay)
      .andWhere('day', '<=', options.toDay);
    if (options.teams) query.whereIn('team_ref', options.teams);
    const rows = await query
      .groupBy('subject')
      .select('subject')
      .sum({ n: 'count' })
      .orderBy([
        { column: 'n', order: 'desc' },
        { column: 'subject', order: 'asc' },
      ])
      .limit(options.limit);
    return rows.map((r: any) => ({ key: r.subject, count: Number(r.n) }));
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
