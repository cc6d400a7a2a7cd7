import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import { calendarYearProblems, periodsOf, WorkingCalendar } from '@lib/periods';
import type { CalendarYearDto } from './working-calendar.dto';
import { CalendarDayRow, CalendarYear, WorkingCalendarRepository } from './working-calendar.repository';

/**
 * The working calendar the working-hours rules use (feed silence, escalation after working days): the
 * weekly rule with the holidays and make-up days (调休) of the years an operator has loaded. Read from
 * PostgreSQL at each evaluation (a few dozen rows a year), so a year loaded by the CLI or another
 * instance counts from the next evaluation on.
 */
@Injectable()
export class WorkingCalendarService {
  private readonly logger = new Logger(WorkingCalendarService.name);
  private readonly warnedYears = new Set<number>();

  constructor(private readonly repository: WorkingCalendarRepository) {}

  /** The calendar as of `now` (whose year, if not loaded, is warned about once: its holidays count as working days). */
  async calendarAt(now: Date): Promise<WorkingCalendar> {
    const [years, adjustments] = await Promise.all([this.repository.loadedYears(), this.repository.adjustments()]);
    const calendar = new WorkingCalendar(adjustments, years);
    const year = Number(periodsOf(now).year);
    if (!calendar.knowsYear(year) && !this.warnedYears.has(year)) {
      this.warnedYears.add(year);
      this.logger.warn(
        `the working calendar has no ${year}: public holidays of ${year} count as working days until it is loaded (PUT /v1/working-calendar/${year})`,
      );
    }
    return calendar;
  }

  years(): Promise<CalendarYear[]> {
    return this.repository.years();
  }

  async year(year: number): Promise<CalendarYear & { days: CalendarDayRow[] }> {
    const found = (await this.repository.years()).find((y) => y.year === year);
    if (!found) throw new ApiError('calendar_year_not_found', `No working calendar for ${year}`);
    return { ...found, days: await this.repository.daysOf(year) };
  }

  /** A year replaced whole; refused whole (400 invalid_calendar, each problem by path) if any day is wrong. */
  async replaceYear(year: number, body: CalendarYearDto): Promise<CalendarYear & { days: CalendarDayRow[] }> {
    if (year < 2000 || year > 2100) throw new ApiError('invalid_calendar', `year must be 2000..2100, got ${year}`);
    const errors = calendarYearProblems(year, body.days);
    if (errors.length > 0) throw new ApiError('invalid_calendar', `The ${year} calendar has invalid days`, { errors });
    const days = body.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }));
    await this.repository.replaceYear(year, body.status, body.source.trim(), days);
    return this.year(year);
  }
}
