import { median, percentile } from './percentile';

describe('median and percentile', () => {
  it('has none for an empty list', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 75)).toBeNull();
  });

  it('is the value itself for one value', () => {
    expect(median([12])).toBe(12);
    expect(percentile([12], 75)).toBe(12);
  });

  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([30, 5, 12])).toBe(12);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 10, 20, 8])).toBe(9);
  });

  it('interpolates the 75th percentile between ranks', () => {
    // Sorted 4, 8, 10, 20: rank 0.75 * 3 = 2.25 -> 10 + 0.25 * (20 - 10).
    expect(percentile([4, 10, 20, 8], 75)).toBe(12.5);
    // Sorted 1..5: rank 3 -> 4.
    expect(percentile([5, 4, 3, 2, 1], 75)).toBe(4);
  });

  it('gives the extremes at 0 and 100', () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
  });

  it('refuses a percentile outside 0-100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});
