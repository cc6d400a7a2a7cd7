import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import { cstDayOf } from '@lib/periods';
import { DailyCases, daysToRead } from '@lib/surveillance';
import type { AlertKey } from '@lib/targets-store';
import type { AlertCandidate } from '../evaluation/alert-candidate';
import { AlertingSettings } from '../settings/alerting-settings';
import { outbreakCandidates } from './outbreak-candidates';

/**
 * The `disease_cases` day counters of every county (live cards and imported history alike), judged by
 * the outbreak detectors (`outbreakCandidates`) with the OUTBREAK_* settings.
 */
@Injectable()
export class OutbreakDetection {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly settings: AlertingSettings,
  ) {}

  async candidates(now: Date, open: readonly AlertKey[]): Promise<AlertCandidate[]> {
    const today = cstDayOf(now);
    const params = this.settings.outbreak;
    const { series, baseline } = daysToRead(today, params.movingPercentile);
    const { rows } = await this.pool.query<DailyCases>(
      `SELECT region AS county, substr(dims, 9) AS disease, period AS day, value::int AS cases
       FROM indicator_counter_values
       WHERE indicator = 'disease_cases' AND measure = 'value' AND level = 'county' AND period = ANY($1::text[]) AND value > 0`,
      [[...series, ...baseline.flat()]],
    );
    return outbreakCandidates(today, rows, open, params);
  }
}
