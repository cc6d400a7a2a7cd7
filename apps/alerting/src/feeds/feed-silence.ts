import type { WorkingCalendar, WorkingSchedule } from '@lib/periods';

/**
 * Whether a feed last heard from at `lastReceivedAt` has been silent for `thresholdHours` working hours at
 * `now`: nights, weekends and public holidays do not count (a 卫生院 closed for 春节 is not a silent feed),
 * a make-up working Saturday (调休) does.
 */
export function isFeedStale(lastReceivedAt: Date, now: Date, thresholdHours: number, schedule: WorkingSchedule, calendar: WorkingCalendar): boolean {
  if (thresholdHours <= 0) return false;
  const threshold = thresholdHours * 3600_000;
  return calendar.workingMsBetween(lastReceivedAt, now, schedule, threshold) >= threshold;
}
