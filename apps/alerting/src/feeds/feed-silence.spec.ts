import { parseSchedule, WorkingCalendar } from '@lib/periods';
import { isFeedStale } from './feed-silence';

const schedule = parseSchedule('08:00-18:00', '1,2,3,4,5');
const cst = (s: string) => new Date(`${s}+08:00`);
// 春节 2026 as the State Council's notice sets it: 15–23 February off, Saturday 14 February worked.
const springFestival = new WorkingCalendar(
  [
    { day: '20260214', kind: 'workday', name: '春节' },
    ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ day: `202602${d}`, kind: 'holiday' as const, name: '春节' })),
  ],
  [2026],
);

describe('a feed is stale after N working hours', () => {
  it('counts working hours, not clock hours', () => {
    const friday = cst('2026-05-08T16:00:00');
    const weekly = WorkingCalendar.WEEKLY_RULE_ONLY;
    expect(isFeedStale(friday, cst('2026-05-11T07:59:00'), 4, schedule, weekly)).toBe(false); // 2 working hours, 64 clock hours
    expect(isFeedStale(friday, cst('2026-05-11T10:00:00'), 4, schedule, weekly)).toBe(true);
    expect(isFeedStale(friday, cst('2026-06-11T10:00:00'), 0, schedule, weekly)).toBe(false); // 0 = off
  });

  it('is not stale through 春节, and is on the make-up Saturday', () => {
    const lastHeard = cst('2026-02-13T16:00:00'); // Friday before the holiday: 2 working hours left that day
    expect(isFeedStale(lastHeard, cst('2026-02-14T09:59:00'), 4, schedule, springFestival)).toBe(false);
    expect(isFeedStale(lastHeard, cst('2026-02-14T10:00:00'), 4, schedule, springFestival)).toBe(true); // Saturday 14th is worked
    const afterMakeUpDay = cst('2026-02-14T18:00:00');
    expect(isFeedStale(afterMakeUpDay, cst('2026-02-23T23:00:00'), 4, schedule, springFestival)).toBe(false); // nine days off
    expect(isFeedStale(afterMakeUpDay, cst('2026-02-24T12:00:00'), 4, schedule, springFestival)).toBe(true);
    // Without the calendar the same silence would have raised an alert on Monday the 16th.
    expect(isFeedStale(afterMakeUpDay, cst('2026-02-16T12:00:00'), 4, schedule, WorkingCalendar.WEEKLY_RULE_ONLY)).toBe(true);
  });
});
