import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

export interface FeedActivity {
  institutionId: string;
  lastOccurredAt: string;
  lastReceivedAt: string;
  events: number;
}

/** Owns `institution_feeds`: when each institution last reported (silent feed vs poor indicator). */
@Injectable()
export class InstitutionFeedsRepository {
  async record(client: PoolClient, activity: FeedActivity[]): Promise<void> {
    if (activity.length === 0) return;
    await client.query(
      `INSERT INTO institution_feeds (institution_id, last_occurred_at, last_received_at, events_applied)
       SELECT "institutionId", "lastOccurredAt", "lastReceivedAt", events
       FROM jsonb_to_recordset($1::jsonb) AS a("institutionId" text, "lastOccurredAt" timestamptz,
                                               "lastReceivedAt" timestamptz, events bigint)
       ON CONFLICT (institution_id) DO UPDATE SET
         last_occurred_at = GREATEST(institution_feeds.last_occurred_at, EXCLUDED.last_occurred_at),
         last_received_at = GREATEST(institution_feeds.last_received_at, EXCLUDED.last_received_at),
         events_applied   = institution_feeds.events_applied + EXCLUDED.events_applied`,
      [JSON.stringify(activity)],
    );
  }
}
