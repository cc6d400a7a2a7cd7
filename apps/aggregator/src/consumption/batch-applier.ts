import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Pool } from 'pg';
import { Counter, Histogram } from 'prom-client';
import { inTransaction, PG_POOL } from '@lib/database';
import { ConsumedBatch, nextOffset } from '@lib/kafka';
import { ConsumerOffsetsRepository } from '../ledger/consumer-offsets.repository';
import { InstitutionFeedsRepository } from '../ledger/institution-feeds.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LiveCache } from '../live/live-cache';
import { toLedgerEntry } from './canonical-message';
import { feedActivity } from './feed-activity';

export const METRIC_EVENTS_APPLIED = 'aggregator_events_applied_total';
export const METRIC_DUPLICATES = 'aggregator_duplicate_events_total';
export const METRIC_MALFORMED = 'aggregator_malformed_messages_total';
export const METRIC_BATCH_SECONDS = 'aggregator_batch_seconds';

/**
 * Applies one batch of one partition exactly once: in a single PostgreSQL transaction it skips
 * what an earlier run already applied (offset below the stored one), records the new event
 * versions in the ledger (dropping duplicates), updates feeds and stores the next offset.
 * A crash before COMMIT leaves nothing; a crash after it leaves everything, offsets included.
 */
@Injectable()
export class BatchApplier {
  private readonly logger = new Logger(BatchApplier.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly offsets: ConsumerOffsetsRepository,
    private readonly ledger: LedgerRepository,
    private readonly feeds: InstitutionFeedsRepository,
    private readonly liveCache: LiveCache,
    @InjectMetric(METRIC_EVENTS_APPLIED) private readonly applied: Counter,
    @InjectMetric(METRIC_DUPLICATES) private readonly duplicates: Counter,
    @InjectMetric(METRIC_MALFORMED) private readonly malformed: Counter,
    @InjectMetric(METRIC_BATCH_SECONDS) private readonly batchSeconds: Histogram,
  ) {}

  async apply(groupId: string, batch: ConsumedBatch): Promise<void> {
    const stopTimer = this.batchSeconds.startTimer();
    const activity = await inTransaction(this.pool, async (client) => {
      const next = await this.offsets.lockNext(client, groupId, batch.topic, batch.partition);
      const unseen = batch.messages.filter((m) => BigInt(m.offset) >= next);
      if (unseen.length === 0) return [];

      const entries = unseen.map(toLedgerEntry).filter((e) => e !== undefined);
      if (entries.length < unseen.length) {
        this.malformed.inc(unseen.length - entries.length);
        this.logger.error({ partition: batch.partition, count: unseen.length - entries.length }, 'skipped malformed canonical messages');
      }
      const inserted = await this.ledger.insertNew(client, entries);
      const activity = feedActivity(inserted);
      await this.feeds.record(client, activity);
      await this.offsets.save(client, groupId, batch.topic, batch.partition, nextOffset(unseen[unseen.length - 1].offset));

      this.applied.inc(inserted.length);
      this.duplicates.inc(entries.length - inserted.length);
      return activity;
    });
    await this.liveCache.recordFeeds(activity);
    stopTimer();
  }
}
