/**
 * The p-th percentile (0–100) of a list of numbers, interpolating linearly
 * between the two nearest ranks (the method of spreadsheets' PERCENTILE.INC and
 * numpy's default), so the 50th percentile is the usual median: the middle
 * value, or the mean of the two middle values. Null for an empty list.
 */
export function percentile(
  values: readonly number[],
  p: number,
): number | null {
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is not in 0-100`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** The median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}
