import { isFeedStale, parseSchedule, workingMsBetween } from './working-hours';

const schedule = parseSchedule('08:00-18:00', '1,2,3,4,5');
const cst = (s: string) => new Date(`${s}+08:00`);
const HOUR = 3600_000;

describe('working hours (CST)', () => {
  it('counts only the working part of a day', () => {
    // Friday 2026-05-08 07:00 → 20:00 CST: 08:00–18:00 = 10 h
    expect(workingMsBetween(cst('2026-05-08T07:00:00'), cst('2026-05-08T20:00:00'), schedule)).toBe(10 * HOUR);
    expect(workingMsBetween(cst('2026-05-08T16:30:00'), cst('2026-05-08T17:00:00'), schedule)).toBe(HOUR / 2);
  });

  it('skips nights and weekends', () => {
    // Friday 17:00 → Monday 09:00: one hour on Friday, one on Monday
    expect(workingMsBetween(cst('2026-05-08T17:00:00'), cst('2026-05-11T09:00:00'), schedule)).toBe(2 * HOUR);
  });

  it('calls a feed stale after N working hours, not N clock hours', () => {
    const friday = cst('2026-05-08T16:00:00');
    expect(isFeedStale(friday, cst('2026-05-11T07:59:00'), 4, schedule)).toBe(false); // 2 working hours, 64 clock hours
    expect(isFeedStale(friday, cst('2026-05-11T10:00:00'), 4, schedule)).toBe(true);
    expect(isFeedStale(friday, cst('2026-06-11T10:00:00'), 0, schedule)).toBe(false); // 0 = off
  });
});
