/**
 * Calendar quarters, the survey's and the cohorts' unit of time, written
 * `2026-Q4`. All dates are UTC.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The quarter a date falls in, e.g. `2026-Q4` for 2026-11-26. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** True when the text is a quarter like `2026-Q4`. */
export function isQuarter(text: string): boolean {
  return QUARTER.test(text);
}

/** The first instant of a quarter and the first instant of the next one. */
export function quarterBounds(quarter: string): { start: Date; end: Date } {
  const m = QUARTER.exec(quarter);
  if (!m)
    throw new Error(`Not a quarter: '${quarter}' (expected e.g. 2026-Q4)`);
  const year = Number(m[1]);
  const q = Number(m[2]) - 1;
  return {
    start: new Date(Date.UTC(year, q * 3, 1)),
    end: new Date(Date.UTC(year, q * 3 + 3, 1)),
  };
}

/** The quarter `n` quarters after (or before, when negative) the given one. */
export function addQuarters(quarter: string, n: number): string {
  const { start } = quarterBounds(quarter);
  return quarterOf(
    new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3 * n, 1)),
  );
}

/** Every quarter that overlaps [from, to), oldest first. */
export function quartersBetween(from: Date, to: Date): string[] {
  const result: string[] = [];
  let q = quarterOf(from);
  while (quarterBounds(q).start < to) {
    result.push(q);
    q = addQuarters(q, 1);
  }
  return result;
}
