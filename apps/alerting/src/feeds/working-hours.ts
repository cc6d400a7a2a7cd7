const CST_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Working time in China Standard Time: minutes of the day and ISO weekdays (1 = Monday). */
export interface WorkingSchedule {
  startMinute: number;
  endMinute: number;
  weekdays: ReadonlySet<number>;
}

export function parseSchedule(hours: string, days: string): WorkingSchedule {
  const [start, end] = hours.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return { startMinute: start, endMinute: end, weekdays: new Set(days.split(',').map(Number)) };
}

/**
 * Working milliseconds between two instants, stopping early once `enough` is reached (a feed silent
 * for months need not be counted to the minute). Nights, weekends (and whatever days the schedule
 * leaves out) do not count: a 卫生院 closed on Sunday is not a silent feed. Public holidays are not known.
 */
export function workingMsBetween(from: Date, to: Date, schedule: WorkingSchedule, enough = Infinity): number {
  let total = 0;
  // CST midnight of the day `from` falls in, then day by day.
  let dayStart = Math.floor((from.getTime() + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  while (dayStart < to.getTime() && total < enough) {
    const weekday = ((new Date(dayStart + CST_MS).getUTCDay() + 6) % 7) + 1;
    if (schedule.weekdays.has(weekday)) {
      const open = Math.max(dayStart + schedule.startMinute * 60_000, from.getTime());
      const close = Math.min(dayStart + schedule.endMinute * 60_000, to.getTime());
      if (close > open) total += close - open;
    }
    dayStart += DAY_MS;
  }
  return total;
}

/** Whether a feed last heard from at `lastReceivedAt` has been silent for `thresholdHours` working hours at `now`. */
export function isFeedStale(lastReceivedAt: Date, now: Date, thresholdHours: number, schedule: WorkingSchedule): boolean {
  if (thresholdHours <= 0) return false;
  const threshold = thresholdHours * 3600_000;
  return workingMsBetween(lastReceivedAt, now, schedule, threshold) >= threshold;
}
