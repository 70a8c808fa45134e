import {
  addQuarters,
  quarterBounds,
  quarterOf,
} from '@internal/plugin-space-metrics-common';

/** A named period the dashboard offers. */
export interface PeriodPreset {
  id: string;
  label: string;
  from: string;
  to: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The periods of the period picker, relative to today. */
export function periodPresets(now: Date = new Date()): PeriodPreset[] {
  const current = quarterOf(now);
  const year = now.getUTCFullYear();
  const today = day(now);
  return [
    {
      id: 'last-4-quarters',
      label: 'This quarter and the 3 before',
      from: day(quarterBounds(addQuarters(current, -3)).start),
      to: today,
    },
    {
      id: 'last-5-quarters',
      label: 'The last year, by quarter (5 quarters)',
      from: day(quarterBounds(addQuarters(current, -4)).start),
      to: today,
    },
    {
      id: 'last-8-quarters',
      label: 'This quarter and the 7 before',
      from: day(quarterBounds(addQuarters(current, -7)).start),
      to: today,
    },
    { id: 'this-year', label: `${year}`, from: `${year}-01-01`, to: today },
    {
      id: 'last-year',
      label: `${year - 1}`,
      from: `${year - 1}-01-01`,
      to: `${year - 1}-12-31`,
    },
  ];
}

export const DEFAULT_PERIOD = 'last-5-quarters';

/** A period from the URL's `from` and `to` (YYYY-MM-DD), when both are valid. */
export function customPeriod(
  from: string | null,
  to: string | null,
): PeriodPreset | undefined {
  const valid = (d: string | null): d is string =>
    Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)));
  if (!valid(from) || !valid(to) || to < from) return undefined;
  return { id: 'custom', label: `${from} to ${to}`, from, to };
}
