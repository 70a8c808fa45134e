import { customPeriod, periodPresets } from './periods';

describe('periods', () => {
  it('offers quarter-aligned periods ending today', () => {
    const presets = periodPresets(new Date('2026-11-26T10:00:00Z'));
    expect(presets.find(p => p.id === 'last-5-quarters')).toMatchObject({
      from: '2025-10-01',
      to: '2026-11-26',
    });
    expect(presets.find(p => p.id === 'last-year')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('takes a custom period from the URL only when it is a valid range', () => {
    expect(customPeriod('2025-01-01', '2026-03-31')).toEqual({
      id: 'custom',
      label: '2025-01-01 to 2026-03-31',
      from: '2025-01-01',
      to: '2026-03-31',
    });
    expect(customPeriod('2026-03-31', '2025-01-01')).toBeUndefined();
    expect(customPeriod('2025-1-1', '2026-03-31')).toBeUndefined();
    expect(customPeriod(null, '2026-03-31')).toBeUndefined();
  });
});
