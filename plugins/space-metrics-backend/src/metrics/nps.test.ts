import { computeNps } from './nps';

describe('computeNps', () => {
  it('has no score when nobody answered', () => {
    expect(computeNps([])).toEqual({
      respondents: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
    });
  });

  it('is 100 when everyone is a promoter', () => {
    expect(computeNps([9, 10, 10, 9, 9]).nps).toBe(100);
  });

  it('is -100 when everyone is a detractor, 0 included', () => {
    expect(computeNps([0, 6, 3, 5, 1]).nps).toBe(-100);
  });

  it('ignores passives except in the denominator', () => {
    // 2 promoters, 2 passives, 1 detractor of 5: 40% - 20% = 20.
    expect(computeNps([10, 9, 8, 7, 6])).toEqual({
      respondents: 5,
      promoters: 2,
      passives: 2,
      detractors: 1,
      nps: 20,
    });
  });

  it('is 0 when only passives answered', () => {
    const counts = computeNps([7, 8, 7]);
    expect(counts.nps).toBe(0);
    expect(Object.is(counts.nps, -0)).toBe(false);
  });

  it('rounds to one decimal', () => {
    // 1 promoter, 2 detractors of 3: 33.33% - 66.67% = -33.3.
    expect(computeNps([10, 2, 4]).nps).toBe(-33.3);
    // 2 promoters, 1 passive of 3: 66.7.
    expect(computeNps([9, 9, 8]).nps).toBe(66.7);
  });

  it('puts the boundaries where the definition does', () => {
    expect(computeNps([6]).detractors).toBe(1);
    expect(computeNps([7]).passives).toBe(1);
    expect(computeNps([8]).passives).toBe(1);
    expect(computeNps([9]).promoters).toBe(1);
  });

  it('refuses scores outside 0-10', () => {
    expect(() => computeNps([11])).toThrow(/0-10/);
    expect(() => computeNps([-1])).toThrow(/0-10/);
    expect(() => computeNps([7.5])).toThrow(/0-10/);
  });
});
