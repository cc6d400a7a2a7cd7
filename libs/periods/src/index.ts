export * from './period.types';
export {
  CST_OFFSET_MS,
  addDays,
  ageOn,
  cstDayOf,
  cstMidnight,
  dayFromNumber,
  dayIdFromIsoDate,
  dayNumber,
  daysInMonth,
  instantMs,
  isLeapYear,
  splitDayId,
} from './cst-calendar';
export type { DayNumber } from './cst-calendar';
export { granularityOf, isPeriodId, parsePeriod, periodEnd, periodOfDay, periodStart, tryParsePeriod } from './period-id';
export { periodsOf } from './periods-of';
export { isoWeekDays, isoWeekId, isoWeekOfDay, isoWeeksInYear, isoWeekday, parseIsoWeekId, previousYearIsoWeek, shiftIsoWeek } from './iso-week';
export type { IsoWeek } from './iso-week';
export {
  comparePeriods,
  firstPeriodOfYear,
  nextPeriod,
  periodContains,
  periodsInRange,
  previousPeriod,
  previousYearPeriod,
  sameElapsedDaysYearBefore,
  shiftPeriod,
  toGranularity,
} from './period-navigation';
export { elapsedShareOf, elapsedShareOfYear, isInProgress, periodToDate } from './year-progress';
export { CALENDAR_DAY_KINDS, WorkingCalendar, calendarYearProblems, isoWeekdayOf, parseSchedule } from './working-calendar';
export type { CalendarAdjustment, CalendarDayInput, CalendarDayKind, WorkingSchedule } from './working-calendar';
