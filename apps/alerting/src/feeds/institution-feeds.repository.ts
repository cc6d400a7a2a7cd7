import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';

export interface FeedActivity {
  institutionId: string;
  lastReceivedAt: Date;
  lastOccurredAt: Date;
}

/**
 * Reads `institution_feeds` (written by the aggregator in its batch transaction). Silence is judged on
 * `last_received_at` — when we last heard from the institution — not on when its events happened:
 * a clinic sending yesterday's visits today is alive.
 */
@Injectable()
export class InstitutionFeedsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async all(): Promise<FeedActivity[]> {
    const { rows } = await this.pool.query<FeedActivity>(
      `SELECT institution_id AS "institutionId", last_received_at AS "lastReceivedAt", last_occurred_at AS "lastOccurredAt" FROM institution_feeds`,
    );
    return rows;
  }
}
