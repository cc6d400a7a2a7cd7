import { cstDayOf } from './cst-calendar';
import { periodOfDay } from './period-id';
import { PeriodsOfInstant } from './period.types';

/**
 * The day, ISO week, month, quarter and year an instant falls in, in China Standard Time whatever offset
 * the sender wrote: `2023-12-31T16:00:00Z` is 1 January 2024 in CST and counts in 2024.
 */
export function periodsOf(instant: string | Date): PeriodsOfInstant {
  const day = cstDayOf(instant);
  return {
    day,
    week: periodOfDay(day, 'week'),
    month: periodOfDay(day, 'month'),
    quarter: periodOfDay(day, 'quarter'),
    year: periodOfDay(day, 'year'),
  };
}
