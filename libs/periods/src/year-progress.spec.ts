import { elapsedShareOf, elapsedShareOfYear, isInProgress, periodToDate } from './year-progress';

describe('year progress', () => {
  it('is 0 at CST new year and 1 at the end', () => {
    expect(elapsedShareOfYear(2024, '2023-12-31T16:00:00Z')).toBe(0);
    expect(elapsedShareOfYear(2024, '2024-12-31T16:00:00Z')).toBe(1);
    expect(elapsedShareOfYear(2024, '2030-01-01T00:00:00Z')).toBe(1);
    expect(elapsedShareOfYear(2024, '2020-01-01T00:00:00Z')).toBe(0);
  });

  it('counts a leap year as 366 days', () => {
    // Midnight CST 2 July 2024 is after 183 of 366 days: exactly one half.
    expect(elapsedShareOfYear(2024, '2024-07-02T00:00:00+08:00')).toBeCloseTo(0.5, 12);
    expect(elapsedShareOfYear(2023, '2023-07-02T12:00:00+08:00')).toBeCloseTo(182.5 / 365, 12);
  });

  it('works for any period', () => {
    expect(elapsedShareOf('2024Q1', '2024-02-15T12:00:00+08:00')).toBeCloseTo(45.5 / 91, 12); // 31 + 14.5 days of 91;
    expect(elapsedShareOf('20240315', '2024-03-15T06:00:00+08:00')).toBeCloseTo(0.25, 12);
  });

  it('tells a period in progress (read as year-to-date) from a finished one', () => {
    expect(isInProgress('2024', '2024-05-01T00:00:00+08:00')).toBe(true);
    expect(isInProgress('2024Q1', '2024-05-01T00:00:00+08:00')).toBe(false);
    expect(isInProgress('2024', '2024-12-31T16:00:00Z')).toBe(false);
    expect(isInProgress('2024', '2023-12-31T16:00:00Z')).toBe(true);
    expect(periodToDate('2024', '2024-05-01T00:00:00+08:00')).toEqual({
      start: new Date('2023-12-31T16:00:00Z'),
      end: new Date('2024-04-30T16:00:00Z'),
      complete: false,
    });
    expect(periodToDate('2023', '2024-05-01T00:00:00+08:00')?.complete).toBe(true);
    expect(periodToDate('2025', '2024-05-01T00:00:00+08:00')).toBeNull();
  });
});
