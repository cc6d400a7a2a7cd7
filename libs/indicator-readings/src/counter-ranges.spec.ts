import { findIndicator } from '@lib/indicators';
import { countersReadFor, rangeIncludes, readsPopulation } from './counter-ranges';

describe('counter ranges', () => {
  const visits = findIndicator('county_visit_rate')!;
  const growth = findIndicator('outpatient_cost_growth')!;

  it('reads every counter of the granularity up to the latest period', () => {
    expect(countersReadFor(visits, ['202603', '202601'])).toEqual([{ granularity: 'month', from: null, to: '202603' }]);
  });

  it('reads a quarter or year of an indicator that adds up from its months, a week from its days', () => {
    expect(countersReadFor(visits, ['2026'])).toEqual([{ granularity: 'month', from: null, to: '202612' }]);
    expect(countersReadFor(findIndicator('disease_cases')!, ['2026W10'])).toEqual([{ granularity: 'day', from: null, to: '20260308' }]);
    // A woman screened in March and in May is one in the year, not two: stored per year.
    expect(countersReadFor(findIndicator('cervical_screening_coverage')!, ['2026'])).toEqual([{ granularity: 'year', from: null, to: '2026' }]);
  });

  it('reads growth’s day counters from the same days a year before the earliest period', () => {
    expect(countersReadFor(growth, ['2026Q2'])).toEqual([
      { granularity: 'month', from: null, to: '202606' },
      { granularity: 'day', from: '20250401', to: '20260630' },
    ]);
  });

  it('includes a period of the same granularity within the bounds only', () => {
    const range = { granularity: 'quarter' as const, from: '2025Q3', to: '2026Q2' };
    expect(['2025Q2', '2025Q3', '2026Q2', '2026Q3', '2026', '202604'].filter((p) => rangeIncludes(range, p))).toEqual(['2025Q3', '2026Q2']);
  });

  it('knows which indicators read uploaded populations', () => {
    expect([visits, findIndicator('vaccination_coverage')!].map(readsPopulation)).toEqual([false, true]);
  });
});
