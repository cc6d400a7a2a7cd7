import { adjustmentOf, calendarYearProblems, isoWeekdayOf, parseSchedule, WorkingCalendar } from './working-calendar';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const cst = (s: string) => new Date(`${s}+08:00`);
const officeHours = parseSchedule('08:00-18:00', '1,2,3,4,5');

// 国庆节 and 中秋节 2026 as the State Council's notice sets them (国务院办公厅关于2026年部分节假日安排的通知).
const autumn2026 = new WorkingCalendar(
  [
    { date: '2026-09-20', kind: 'workday', name: '国庆节' },
    { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
    { date: '2026-09-26', kind: 'holiday', name: '中秋节' },
    { date: '2026-09-27', kind: 'holiday', name: '中秋节' },
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday', name: '国庆节' },
  ].map(adjustmentOf),
  [2026],
);

describe('working calendar (CST)', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekdayOf('19700101')).toBe(4); // Thursday
    expect(isoWeekdayOf('20261001')).toBe(4);
    expect(isoWeekdayOf('20260920')).toBe(7); // Sunday
    expect(isoWeekdayOf('20261010')).toBe(6);
  });

  it('takes the notice over the weekly rule: holidays off, make-up weekend days (调休) worked', () => {
    expect(autumn2026.isWorkingDay('20261001')).toBe(false); // Thursday, 国庆节
    expect(autumn2026.isWorkingDay('20261007')).toBe(false); // Wednesday, bridged
    expect(autumn2026.isWorkingDay('20261008')).toBe(true); // Thursday after
    expect(autumn2026.isWorkingDay('20260920')).toBe(true); // Sunday worked
    expect(autumn2026.isWorkingDay('20261010')).toBe(true); // Saturday worked
    expect(autumn2026.isWorkingDay('20261011')).toBe(false); // an ordinary Sunday
    expect(autumn2026.isWorkingDay('20260925')).toBe(false); // Friday, 中秋节
    // A holiday is off even for a schedule that works every day; a make-up day is worked by any schedule.
    const everyDay = new Set([1, 2, 3, 4, 5, 6, 7]);
    expect(autumn2026.isWorkingDay('20261002', everyDay)).toBe(false);
    expect(autumn2026.isWorkingDay('20261010', new Set([1]))).toBe(true);
  });

  it('follows the weekly rule alone in a year it was not given', () => {
    expect(autumn2026.knowsYear(2026)).toBe(true);
    expect(autumn2026.knowsYear(2028)).toBe(false);
    expect(autumn2026.isWorkingDay('20281002')).toBe(true); // a Monday, holidays of 2028 not loaded
    expect(WorkingCalendar.WEEKLY_RULE_ONLY.isWorkingDay('20261001')).toBe(true);
  });

  it('counts working hours across the golden week', () => {
    // Wednesday 30 September 17:00 → Thursday 8 October 09:00: one hour before, one hour after.
    expect(autumn2026.workingMsBetween(cst('2026-09-30T17:00:00'), cst('2026-10-08T09:00:00'), officeHours)).toBe(2 * HOUR);
    expect(WorkingCalendar.WEEKLY_RULE_ONLY.workingMsBetween(cst('2026-09-30T17:00:00'), cst('2026-10-08T09:00:00'), officeHours)).toBe(52 * HOUR); // five weekdays in between
    // Friday 9 October 17:00 → Monday 12 October 09:00 with Saturday the 10th worked: 1 + 10 + 1 hours.
    expect(autumn2026.workingMsBetween(cst('2026-10-09T17:00:00'), cst('2026-10-12T09:00:00'), officeHours)).toBe(12 * HOUR);
    // Within one day, and the early stop.
    expect(autumn2026.workingMsBetween(cst('2026-10-08T07:00:00'), cst('2026-10-08T20:00:00'), officeHours)).toBe(10 * HOUR);
    expect(autumn2026.workingMsBetween(cst('2026-10-08T08:00:00'), cst('2026-12-31T18:00:00'), officeHours, 4 * HOUR)).toBeGreaterThanOrEqual(4 * HOUR);
    expect(autumn2026.workingMsBetween(cst('2026-10-08T12:00:00'), cst('2026-10-08T11:00:00'), officeHours)).toBe(0);
  });

  it('counts working days, nights included, skipping weekends and holidays', () => {
    // Firing from Wednesday 30 September 10:00; three working days are 72 h of working days:
    // 14 h of the 30th, 8–9 October (48 h), then 10 h of the make-up Saturday the 10th.
    const firing = cst('2026-09-30T10:00:00');
    expect(autumn2026.workingDaysMsBetween(firing, cst('2026-10-10T09:59:00'))).toBeLessThan(3 * DAY);
    expect(autumn2026.workingDaysMsBetween(firing, cst('2026-10-10T10:00:00'))).toBe(3 * DAY);
    // The weekly rule alone counts the holiday: three days by Monday 5 October 10:00 (14 h, 1–2 October, 10 h).
    expect(WorkingCalendar.WEEKLY_RULE_ONLY.workingDaysMsBetween(firing, cst('2026-10-05T10:00:00'))).toBe(3 * DAY);
    // An ordinary week: Friday 10:00 → Tuesday 10:00 is two working days.
    expect(autumn2026.workingDaysMsBetween(cst('2026-11-06T10:00:00'), cst('2026-11-10T10:00:00'))).toBe(2 * DAY);
  });

  it('refuses an upload with dates of another year, twice-listed days, unknown kinds, weekday make-up days or no name', () => {
    expect(
      calendarYearProblems(2027, [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-20', kind: 'workday', name: '春节' },
      ]),
    ).toEqual([]);
    expect(
      calendarYearProblems(2027, [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'off', name: '元旦' },
        { date: '2027-02-22', kind: 'workday', name: '春节' },
        { date: '2027-13-01', kind: 'holiday', name: '春节' },
        { date: '2027-05-03', kind: 'holiday', name: ' ' },
      ]).map((p) => p.path),
    ).toEqual(['days[0].date', 'days[2].date', 'days[3].kind', 'days[4].date', 'days[5].date', 'days[6].name']);
  });
});
