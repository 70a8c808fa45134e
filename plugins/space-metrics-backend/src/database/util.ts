import { DataSource } from '@internal/plugin-space-metrics-common';

/** Timestamps come back as Date (PostgreSQL) or as numbers/strings (SQLite). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  return new Date(String(value));
}

/** Splits a list into chunks, for inserts under the databases' bind limits. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

export type { DataSource };
