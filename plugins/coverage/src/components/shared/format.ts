import { MeasureValue } from '@internal/plugin-coverage-common';

/** 0.8125 -> "81%"; null (nothing to measure) -> "—". */
export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${Math.round(ratio * 100)}%`;
}

/** "26 of 32" with the ratio, or "nothing to measure" when the denominator is 0. */
export function fraction(value: MeasureValue): string {
  if (value.denominator === 0) return 'nothing to measure';
  return `${value.numerator} of ${value.denominator}`;
}

/**
 * A change in ratio points since last week, signed: 0.031 -> "+3.1 points
 * since last week"; null -> "no snapshot a week earlier to compare with".
 */
export function change(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) {
    return 'no snapshot a week earlier to compare with';
  }
  const points = Math.round(delta * 1000) / 10;
  if (points === 0) return 'no change since last week';
  return `${points > 0 ? '+' : ''}${points} points since last week`;
}

/**
 * What the backend said went wrong: a failed request's own message (the
 * error body's), not just its status line.
 */
export function errorMessage(error: Error): string {
  const body = (error as { body?: { error?: { message?: string } } }).body;
  return body?.error?.message ?? error.message;
}

/** The HTTP status of a failed request, when the error carries one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as
    | { statusCode?: number; response?: { status?: number } }
    | undefined;
  return e?.statusCode ?? e?.response?.status;
}

const knownSources: Record<string, string> = {
  github: 'GitHub',
  argocd: 'Argo CD',
  pagerduty: 'PagerDuty',
  inventory: 'Inventory file',
};

/** Names a source by its title (from the report when it lists it). */
export function sourceTitle(
  id: string,
  sources: { id: string; title: string }[] = [],
): string {
  return sources.find(s => s.id === id)?.title ?? knownSources[id] ?? id;
}
