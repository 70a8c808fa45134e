import { InputError } from '@backstage/errors';
import { quartersBetween } from '@internal/plugin-space-metrics-common';
import { OrgModel } from './OrgModel';

/** The dashboard's period and team, checked. */
export interface Period {
  /** First instant of the first day. */
  from: Date;
  /** First instant after the last day. */
  to: Date;
  fromDay: string;
  toDay: string;
  quarters: string[];
  /** A group ref, or undefined for the whole organisation. */
  group?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3 * 366;

/** Checks `from`, `to` (YYYY-MM-DD, inclusive) and `group` from a request. */
export function parsePeriod(
  query: { from?: string; to?: string; group?: string },
  org: OrgModel,
): Period {
  const day = (name: string, value: string | undefined) => {
    if (
      !value ||
      !DAY.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ) {
      throw new InputError(
        `${name} must be a date written YYYY-MM-DD, got ${JSON.stringify(
          value ?? '',
        )}`,
      );
    }
    return new Date(`${value}T00:00:00Z`);
  };
  const from = day('from', query.from);
  const lastDay = day('to', query.to);
  if (lastDay < from) {
    throw new InputError(`to (${query.to}) is before from (${query.from})`);
  }
  const to = new Date(lastDay.getTime() + 86_400_000);
  if ((to.getTime() - from.getTime()) / 86_400_000 > MAX_DAYS) {
    throw new InputError(
      'the period is longer than three years; choose a shorter one',
    );
  }
  if (query.group && !org.groups.has(query.group)) {
    throw new InputError(
      `group '${query.group}' is not a Group in the catalog`,
    );
  }
  return {
    from,
    to,
    fromDay: query.from!,
    toDay: query.to!,
    quarters: quartersBetween(from, to),
    group: query.group || undefined,
  };
}
