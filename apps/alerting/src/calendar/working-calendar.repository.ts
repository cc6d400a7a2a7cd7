import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@lib/database';
import type { CalendarAdjustment, CalendarDayKind } from '@lib/periods';

export type CalendarYearStatus = 'official' | 'provisional';

export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  /** Where the days come from: the notice's title and address. */
  source: string;
  updatedAt: Date;
  holidays: number;
  workdays: number;
}

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** `working_calendar_years` and `working_calendar_days` (migration 1764000000720): the years an operator loaded. */
@Injectable()
export class WorkingCalendarRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async years(): Promise<CalendarYear[]> {
    const { rows } = await this.pool.query<CalendarYear>(
      `SELECT y.year, y.status, y.source, y.updated_at AS "updatedAt",
              count(*) FILTER (WHERE d.kind = 'holiday')::int AS holidays,
              count(*) FILTER (WHERE d.kind = 'workday')::int AS workdays
         FROM working_calendar_years y LEFT JOIN working_calendar_days d ON d.year = y.year
        GROUP BY y.year ORDER BY y.year`,
    );
    return rows;
  }

  async loadedYears(): Promise<number[]> {
    const { rows } = await this.pool.query<{ year: number }>(`SELECT year FROM working_calendar_years`);
    return rows.map((r) => r.year);
  }

  async daysOf(year: number): Promise<CalendarDayRow[]> {
    const { rows } = await this.pool.query<CalendarDayRow>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM working_calendar_days WHERE year = $1 ORDER BY day`,
      [year],
    );
    return rows;
  }

  /** Every loaded day, as the calendar holds it (a few dozen a year). */
  async adjustments(): Promise<CalendarAdjustment[]> {
    const { rows } = await this.pool.query<CalendarAdjustment>(`SELECT to_char(day, 'YYYYMMDD') AS day, kind, name FROM working_calendar_days ORDER BY day`);
    return rows;
  }

  /** A year's days replaced whole, in one transaction: the notice is the unit an operator loads. */
  async replaceYear(year: number, status: CalendarYearStatus, source: string, days: readonly CalendarDayRow[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO working_calendar_years (year, status, source) VALUES ($1, $2, $3)
         ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, source = EXCLUDED.source, updated_at = now()`,
        [year, status, source],
      );
      await client.query(`DELETE FROM working_calendar_days WHERE year = $1`, [year]);
      await client.query(
        `INSERT INTO working_calendar_days (day, year, kind, name)
         SELECT d::date, $1, k, n FROM unnest($2::text[], $3::text[], $4::text[]) AS t(d, k, n)`,
        [year, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
      );
    });
  }
}
