import { cohortFigures } from './TtfdService';

describe('cohortFigures', () => {
  it('withholds a cohort smaller than the threshold', () => {
    expect(cohortFigures('2026-Q1', [3, 5, 8, 13], 5)).toEqual({
      quarter: '2026-Q1',
      shown: false,
      reason: 'not-enough-responses',
    });
  });

  it('gives the median and 75th percentile of days to first deploy', () => {
    // Sorted 4, 9, 12, 20, 31: median 12; p75 rank 3 -> 20.
    expect(cohortFigures('2026-Q1', [12, 4, 31, 9, 20], 5)).toEqual({
      quarter: '2026-Q1',
      shown: true,
      engineers: 5,
      deployed: 5,
      medianDays: 12,
      p75Days: 20,
    });
  });

  it('averages the two middle cohort members of an even cohort', () => {
    // Sorted 2.5, 6, 7, 10, 14, 40: median (7 + 10) / 2; p75 rank 0.75 * 5 = 3.75 -> 10 + 0.75 * (14 - 10).
    const c = cohortFigures('2025-Q4', [10, 2.5, 40, 7, 14, 6], 5);
    expect(c.medianDays).toBe(8.5);
    expect(c.p75Days).toBe(13);
  });

  it('counts engineers who have not deployed yet, but not in the times', () => {
    const c = cohortFigures('2026-Q3', [5, 6, 7, 8, 9, undefined], 5);
    expect(c.engineers).toBe(6);
    expect(c.deployed).toBe(5);
    expect(c.medianDays).toBe(7);
  });

  it('gives no times when fewer than the threshold have deployed', () => {
    const c = cohortFigures(
      '2026-Q4',
      [5, 6, undefined, undefined, undefined, undefined],
      5,
    );
    expect(c).toEqual({
      quarter: '2026-Q4',
      shown: true,
      engineers: 6,
      deployed: 2,
      medianDays: undefined,
      p75Days: undefined,
    });
  });
});
