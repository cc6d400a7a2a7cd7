import { isoWeekOfDay, isoWeeksInYear } from './iso-week';
import { firstPeriodOfYear, periodsInRange, previousYearPeriod, sameElapsedDaysYearBefore, shiftPeriod, toGranularity } from './period-navigation';
import { isPeriodId, parsePeriod, periodOfDay } from './period-id';
import { periodsOf } from './periods-of';
import { elapsedShareOf } from './year-progress';

describe('ISO weeks (2024W11)', () => {
  it.each([
    // 2024 began on a Monday: W01 is 1–7 January, and 15 March (day 75) is in week ⌊74/7⌋+1 = 11.
    ['20240101', '2024W01'],
    ['20240315', '2024W11'],
    // 2025 begins on a Wednesday, so its week 1 starts on Monday 30 December 2024.
    ['20241229', '2024W52'],
    ['20241230', '2025W01'],
    // 2021 began on a Friday: its first three days belong to the last week of 2020, which has 53.
    ['20210101', '2020W53'],
    ['20210103', '2020W53'],
    ['20210104', '2021W01'],
    // 2026 begins on a Thursday: 53 weeks, and Thursday 31 December is in week 53.
    ['20261231', '2026W53'],
    ['20270103', '2026W53'],
  ])('puts %s in %s', (day, week) => {
    expect(periodOfDay(day, 'week')).toBe(week);
  });

  it('counts 53 weeks in years beginning on a Thursday (or a Wednesday in leap years), 52 otherwise', () => {
    expect([2015, 2020, 2024, 2025, 2026].map(isoWeeksInYear)).toEqual([53, 53, 52, 52, 53]);
    expect(isoWeekOfDay('20200101')).toEqual({ year: 2020, week: 1 });
  });

  it('parses a week into its Monday..Sunday and its CST instants', () => {
    const p = parsePeriod('2024W11');
    expect(p).toMatchObject({ granularity: 'week', year: 2024, week: 11, firstDay: '20240311', lastDay: '20240317' });
    expect(p.start.toISOString()).toBe('2024-03-10T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2024-03-17T16:00:00.000Z');
    expect(parsePeriod('2020W53')).toMatchObject({ firstDay: '20201228', lastDay: '20210103' });
  });

  it('refuses weeks a year does not have and unpadded ids', () => {
    expect(isPeriodId('2024W53')).toBe(false);
    expect(isPeriodId('2024W00')).toBe(false);
    expect(isPeriodId('2024W1')).toBe(false);
    expect(isPeriodId('2020W53')).toBe(true);
  });

  it('steps across week-years', () => {
    expect(shiftPeriod('2020W53', 1)).toBe('2021W01');
    expect(shiftPeriod('2024W01', -1)).toBe('2023W52');
    expect(shiftPeriod('2024W11', -52 * 3)).toBe('2021W11');
    expect(periodsInRange('2020W52', '2021W02')).toEqual(['2020W52', '2020W53', '2021W01', '2021W02']);
  });

  it('compares a week with the same week number a year earlier (week 53 with week 52)', () => {
    expect(previousYearPeriod('2024W11')).toBe('2023W11');
    expect(previousYearPeriod('2026W53')).toBe('2025W52');
    expect(firstPeriodOfYear('2025W07')).toBe('2025W01');
  });

  it('compares a week in progress with the same weekdays of last year’s same week, across week-years', () => {
    // 2024W11 is 11–17 March 2024; 2023W11 is 13–19 March 2023. Wednesday the 13th: Monday–Wednesday, 13–15 March 2023.
    expect(sameElapsedDaysYearBefore('2024W11', '20240313')).toEqual({ from: '20230313', to: '20230315' });
    // Thursday 31 December 2026 in 2026W53 (28 Dec – 3 Jan): 2025 has no week 53, so Monday–Thursday of 2025W52 (22–25 Dec 2025).
    expect(sameElapsedDaysYearBefore('2026W53', '20261231')).toEqual({ from: '20251222', to: '20251225' });
    // Its Sunday (3 January 2027) has the whole of 2025W52, and no day of 2026W01.
    expect(sameElapsedDaysYearBefore('2026W53', '20270103')).toEqual({ from: '20251222', to: '20251228' });
    // Monday 4 January 2027 opens 2027W01; 2026W01 opened on Monday 29 December 2025, in the calendar year before.
    expect(sameElapsedDaysYearBefore('2027W01', '20270104')).toEqual({ from: '20251229', to: '20251229' });
    // 1 January 2021 (Friday) is in 2020W53 (28 Dec 2020 – 3 Jan 2021): five days of 2019W52 (23–27 Dec 2019).
    expect(sameElapsedDaysYearBefore('2020W53', '20210101')).toEqual({ from: '20191223', to: '20191227' });
    // Other periods end on the same calendar date a year earlier; 29 February on the 28th.
    expect(sameElapsedDaysYearBefore('202403', '20240315')).toEqual({ from: '20230301', to: '20230315' });
    expect(sameElapsedDaysYearBefore('2024', '20240229')).toEqual({ from: '20230101', to: '20230228' });
  });

  it('places an instant by its CST day: 16:30Z on 29 December 2024 is 00:30 on Monday the 30th, week 2025W01', () => {
    expect(periodsOf('2024-12-29T16:30:00Z')).toMatchObject({ day: '20241230', week: '2025W01', year: '2024' });
  });

  it('converts a day to its week, but not a week to a month it may straddle', () => {
    expect(toGranularity('20240315', 'week')).toBe('2024W11');
    expect(toGranularity('2024W11', 'week')).toBe('2024W11');
    expect(() => toGranularity('2024W05', 'month')).toThrow(/does not lie within one month/);
  });

  it('knows how much of a week has passed', () => {
    expect(elapsedShareOf('2024W11', '2024-03-14T12:00:00+08:00')).toBeCloseTo(3.5 / 7, 12);
  });
});
