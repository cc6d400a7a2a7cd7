import { findIndicator } from './catalogue/catalogue';
import type { IndicatorDefinition } from './indicator.types';
import { counterSourceFromRows, storedCounterSource } from './read/counter-source';
import { addsUp, derivedPeriodsOf, storedGranularities, storedGranularityOf, storedPeriodsOf } from './stored-granularities';

const def = (code: string): IndicatorDefinition => findIndicator(code)!;

describe('stored granularities', () => {
  it('stores days and months of an indicator that adds up, every granularity of one counting a person once per period', () => {
    expect(addsUp(def('county_visit_rate'))).toBe(true);
    expect(storedGranularities(def('county_visit_rate'))).toEqual(['day', 'month']);
    expect(storedGranularities(def('disease_cases'))).toEqual(['day', 'month']);
    expect(addsUp(def('cervical_screening_coverage'))).toBe(false);
    expect(storedGranularities(def('cervical_screening_coverage'))).toEqual(['day', 'month', 'quarter', 'year']);
    expect(storedGranularityOf(def('disease_cases'), 'week')).toBe('day');
    expect(storedGranularityOf(def('county_visit_rate'), 'year')).toBe('month');
  });

  it('names the stored periods a period is the sum of, and the periods a stored one moves', () => {
    expect(storedPeriodsOf(def('county_visit_rate'), '2024')).toEqual({ granularity: 'month', first: '202401', last: '202412' });
    expect(storedPeriodsOf(def('county_visit_rate'), '2024Q3')).toEqual({ granularity: 'month', first: '202407', last: '202409' });
    expect(storedPeriodsOf(def('county_visit_rate'), '202407')).toEqual({ granularity: 'month', first: '202407', last: '202407' });
    // ISO week 1 of 2025 begins on Monday 30 December 2024.
    expect(storedPeriodsOf(def('disease_cases'), '2025W01')).toEqual({ granularity: 'day', first: '20241230', last: '20250105' });
    expect(storedPeriodsOf(def('cervical_screening_coverage'), '2024')).toEqual({ granularity: 'year', first: '2024', last: '2024' });

    expect(derivedPeriodsOf(def('county_visit_rate'), '202407')).toEqual(['2024Q3', '2024']);
    expect(derivedPeriodsOf(def('county_visit_rate'), '20240715')).toEqual([]);
    expect(derivedPeriodsOf(def('disease_cases'), '20241231')).toEqual(['2025W01']);
    expect(derivedPeriodsOf(def('cervical_screening_coverage'), '202407')).toEqual([]);
  });

  it('reads a year, a year to date and a week as sums of the stored months and days', () => {
    const cell = { indicator: 'x', level: 'county' as const, region: '610921', dims: '' };
    const rows = [
      { ...cell, measure: 'value' as const, period: '202312', value: 100 },
      { ...cell, measure: 'value' as const, period: '202401', value: 1 },
      { ...cell, measure: 'value' as const, period: '202407', value: 2 },
      { ...cell, measure: 'value' as const, period: '202412', value: 4 },
      { ...cell, measure: 'value' as const, period: '20241229', value: 8 },
      { ...cell, measure: 'value' as const, period: '20241230', value: 16 },
      { ...cell, measure: 'value' as const, period: '20250105', value: 32 },
    ];
    const source = storedCounterSource({ ...def('disease_cases'), code: 'x' }, counterSourceFromRows(rows, cell));
    expect(source.sum('value', 'year', '2024', '2024')).toBe(7);
    expect(source.sum('value', 'quarter', '2024Q1', '2024Q3')).toBe(3);
    expect(source.sum('value', 'year', null, '2024')).toBe(107);
    expect(source.sum('value', 'week', '2025W01', '2025W01')).toBe(48);
    expect(source.sum('value', 'month', '202407', '202407')).toBe(2);
  });
});
