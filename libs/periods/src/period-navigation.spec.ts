import fc from 'fast-check';
import {
  comparePeriods,
  firstPeriodOfYear,
  nextPeriod,
  periodContains,
  periodsInRange,
  previousPeriod,
  previousYearPeriod,
  shiftPeriod,
  toGranularity,
} from './period-navigation';
import { parsePeriod } from './period-id';
import { PeriodError } from './period.types';

describe('period navigation', () => {
  it('steps across year boundaries at every granularity', () => {
    expect(nextPeriod('2024')).toBe('2025');
    expect(nextPeriod('2024Q4')).toBe('2025Q1');
    expect(previousPeriod('2024Q1')).toBe('2023Q4');
    expect(nextPeriod('202412')).toBe('202501');
    expect(previousPeriod('202401')).toBe('202312');
    expect(nextPeriod('20241231')).toBe('20250101');
    expect(nextPeriod('20240228')).toBe('20240229');
    expect(nextPeriod('20230228')).toBe('20230301');
    expect(shiftPeriod('202403', -15)).toBe('202212');
    expect(shiftPeriod('2024Q2', 7)).toBe('2026Q1');
  });

  it('finds the same period a year earlier', () => {
    expect(previousYearPeriod('2024')).toBe('2023');
    expect(previousYearPeriod('2024Q1')).toBe('2023Q1');
    expect(previousYearPeriod('202403')).toBe('202303');
    expect(previousYearPeriod('20240315')).toBe('20230315');
    expect(previousYearPeriod('20240229')).toBe('20230228');
    expect(previousYearPeriod('20250228')).toBe('20240228');
  });

  it('lists periods in a range inclusively', () => {
    expect(periodsInRange('202311', '202402')).toEqual(['202311', '202312', '202401', '202402']);
    expect(periodsInRange('2023Q4', '2024Q1')).toEqual(['2023Q4', '2024Q1']);
    expect(periodsInRange('2024', '2024')).toEqual(['2024']);
    expect(periodsInRange('20240227', '20240301')).toEqual(['20240227', '20240228', '20240229', '20240301']);
    expect(periodsInRange('20240101', '20241231')).toHaveLength(366);
  });

  it('refuses mixed granularities and reversed ranges', () => {
    expect(() => periodsInRange('2024', '202401')).toThrow(PeriodError);
    expect(() => periodsInRange('202402', '202401')).toThrow(PeriodError);
    expect(() => comparePeriods('2024Q1', '202401')).toThrow(PeriodError);
  });

  it('tests containment', () => {
    expect(periodContains('202403', '20240315')).toBe(true);
    expect(periodContains('202403', '20240401')).toBe(false);
    expect(periodContains('2024Q1', '202403')).toBe(true);
    expect(periodContains('2024Q1', '202404')).toBe(false);
    expect(periodContains('2024', '2024Q4')).toBe(true);
    expect(periodContains('2024', '20231231')).toBe(false);
    expect(periodContains('202403', '202403')).toBe(true);
    expect(periodContains('20240315', '202403')).toBe(false);
  });

  it('coarsens and finds the first period of the year', () => {
    expect(toGranularity('20240315', 'quarter')).toBe('2024Q1');
    expect(toGranularity('202408', 'year')).toBe('2024');
    expect(() => toGranularity('2024', 'month')).toThrow(PeriodError);
    expect(firstPeriodOfYear('2024Q3')).toBe('2024Q1');
    expect(firstPeriodOfYear('20240315')).toBe('20240101');
    expect(firstPeriodOfYear('202407')).toBe('202401');
  });

  it('property: next then previous is the identity, and consecutive periods tile time', () => {
    const anyPeriod = fc
      .tuple(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3 }))
      .map(
        ([y, m, d, g]) =>
          [`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, `${y}${String(m).padStart(2, '0')}`, `${y}Q${Math.ceil(m / 3)}`, `${y}`][g],
      );
    fc.assert(
      fc.property(anyPeriod, (id) => {
        expect(previousPeriod(nextPeriod(id))).toBe(id);
        expect(parsePeriod(nextPeriod(id)).start.getTime()).toBe(parsePeriod(id).end.getTime());
        expect(comparePeriods(id, nextPeriod(id))).toBe(-1);
      }),
    );
  });
});
