import { addDays, ageOn, cstDayOf, cstMidnight, dayIdFromIsoDate, dayNumber, daysInMonth, instantMs, isLeapYear } from './cst-calendar';
import { PeriodError } from './period.types';

describe('CST calendar', () => {
  it.each([
    ['2023-12-31T16:00:00Z', '20240101'], // midnight CST is 16:00 UTC the day before
    ['2023-12-31T15:59:59.999Z', '20231231'],
    ['2024-03-15T09:30:00+08:00', '20240315'],
    ['2024-03-15T23:59:59+08:00', '20240315'],
    ['2024-03-15T00:00:00+08:00', '20240315'],
    ['2024-03-14T20:00:00-04:00', '20240315'], // sender in New York: 00:00 UTC 15th = 08:00 CST
    ['2024-02-28T16:00:00Z', '20240229'],
    ['2023-02-28T16:00:00Z', '20230301'],
    ['2024-06-30T23:30:00+0800', '20240630'],
  ])('%s falls on CST day %s', (instant, day) => {
    expect(cstDayOf(instant)).toBe(day);
  });

  it('accepts Date objects', () => {
    expect(cstDayOf(new Date(Date.UTC(2023, 11, 31, 16)))).toBe('20240101');
  });

  it.each(['2024-03-15', '2024-03-15T09:30:00', 'yesterday', '2024-13-01T00:00:00Z', ''])('refuses %p (no offset or invalid)', (bad) => {
    expect(() => instantMs(bad)).toThrow(PeriodError);
  });

  it('knows leap years, including the century rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('20240228', 1)).toBe('20240229');
    expect(addDays('20240229', 1)).toBe('20240301');
    expect(addDays('20231231', 1)).toBe('20240101');
    expect(addDays('20240101', -1)).toBe('20231231');
    expect(addDays('20240101', 365)).toBe('20241231'); // 2024 has 366 days
    expect(dayNumber('19700101')).toBe(0);
  });

  it('puts CST midnight at 16:00 UTC the previous day', () => {
    expect(cstMidnight('20240101').toISOString()).toBe('2023-12-31T16:00:00.000Z');
  });

  it('computes ages in completed years', () => {
    expect(ageOn('19890315', '20240314')).toBe(34);
    expect(ageOn('19890315', '20240315')).toBe(35);
    expect(ageOn('20000229', '20230228')).toBe(22);
    expect(ageOn('20000229', '20230301')).toBe(23);
    expect(ageOn('20000229', '20240229')).toBe(24);
  });

  it('reads YYYY-MM-DD birth dates and rejects impossible ones', () => {
    expect(dayIdFromIsoDate('2023-02-28')).toBe('20230228');
    expect(() => dayIdFromIsoDate('2023-02-29')).toThrow(PeriodError);
    expect(() => dayIdFromIsoDate('20230228')).toThrow(PeriodError);
  });
});
