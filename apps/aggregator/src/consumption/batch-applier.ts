import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Pool, PoolClient } from 'pg';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { CanonicalEvent } from '@lib/contracts';
import { inTransaction, PG_POOL } from '@lib/database';
import { ConsumedBatch, nextOffset } from '@lib/kafka';
import { CounterUpdate, CounterUpdater } from '../counters/counter-updater';
import { ConsumerOffsetsRepository } from '../ledger/consumer-offsets.repository';
import { FeedActivity, InstitutionFeedsRepository } from '../ledger/institution-feeds.repository';
import { LedgerRepository } from '../ledger/ledger.repository';
import { IndicatorChangesPublisher } from '../live/indicator-changes.publisher';
import { LiveCache } from '../live/live-cache';
import { LiveCountersCache } from '../live/live-counters.cache';
import {
  METRIC_BATCH_COUNTERS,
  METRIC_BATCH_SECONDS,
  METRIC_DUPLICATES,
  METRIC_EVENT_AGE,
  METRIC_EVENTS_APPLIED,
  METRIC_MALFORMED,
  METRIC_RETRIES,
  METRIC_STALE,
} from './aggregator.metrics';
import { toLedgerEntry } from './canonical-message';
import { feedActivity } from './feed-activity';
import { retryTransient } from './transient-errors';

/**
 * Large enough to amortise round trips and merge many events into each shared city/province counter
 * row (1000 messages → ~13 counter rows each, 6000 → ~7), small enough to commit within a second or two.
 */
const MAX_MESSAGES_PER_TRANSACTION = 2500;

interface Committed extends CounterUpdate {
  activity: FeedActivity[];
  duplicates: number;
}

/**
 * Applies one batch of one partition exactly once. In a single PostgreSQL transaction it skips what
 * an earlier run already applied (offset below the stored one), records the new event versions in
 * the ledger (dropping duplicates), updates feeds, moves the counters (CounterUpdater) and stores the
 * next offset. A crash before COMMIT leaves nothing; a crash after it leaves everything, offsets
 * included. Only then are Redis and the change feed refreshed: they may miss a batch on a crash, never
 * invent one.
 */
@Injectable()
export class BatchApplier {
  private readonly logger = new Logger(BatchApplier.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly offsets: ConsumerOffsetsRepository,
    private readonly ledger: LedgerRepository,
    private readonly feeds: InstitutionFeedsRepository,
    private readonly counters: CounterUpdater,
    private readonly liveCache: LiveCache,
    private readonly liveCounters: LiveCountersCache,
    private readonly changes: IndicatorChangesPublisher,
    @InjectMetric(METRIC_EVENTS_APPLIED) private readonly applied: Counter,
    @InjectMetric(METRIC_DUPLICATES) private readonly duplicates: Counter,
    @InjectMetric(METRIC_STALE) private readonly stale: Counter,
    @InjectMetric(METRIC_MALFORMED) private readonly malformed: Counter,
    @InjectMetric(METRIC_RETRIES) private readonly retries: Counter,
    @InjectMetric(METRIC_BATCH_SECONDS) private readonly batchSeconds: Histogram,
    @InjectMetric(METRIC_BATCH_COUNTERS) private readonly batchCounters: Histogram,
    @InjectMetric(METRIC_EVENT_AGE) private readonly eventAge: Gauge,
  ) {}

  /**
   * A fetched batch can hold thousands of messages per partition (up to 4 MB); it is applied in
   * transactions of at most MAX_MESSAGES_PER_TRANSACTION, with a heartbeat after each, so a large
   * backlog neither outlives the group session (a member silent for longer loses its partitions)
   * nor holds the shared counter rows locked for long.
   */
  async apply(groupId: string, batch: ConsumedBatch): Promise<void> {
    for (let i = 0; i < batch.messages.length; i += MAX_MESSAGES_PER_TRANSACTION) {
      await this.applyChunk(groupId, { ...batch, messages: batch.messages.slice(i, i + MAX_MESSAGES_PER_TRANSACTION) });
      await batch.heartbeat();
    }
  }

  private async applyChunk(groupId: string, batch: ConsumedBatch): Promise<void> {
    const stopTimer = this.batchSeconds.startTimer();
    const committed = await retryTransient(
      () => inTransaction(this.pool, (client) => this.applyInTransaction(client, groupId, batch)),
      (error) => {
        this.retries.inc();
        this.logger.warn({ partition: batch.partition, code: (error as { code?: string }).code }, 'batch transaction retried');
      },
    );
    if (committed) {
      this.duplicates.inc(committed.duplicates);
      this.applied.inc(committed.applied);
      this.stale.inc(committed.stale);
      // Independent, and neither can fail the batch: run together.
      await Promise.all([this.liveCache.recordFeeds(committed.activity), this.liveCounters.write(committed.values), this.changes.publish(committed.values)]);
      this.batchCounters.observe(committed.values.length);
    }
    this.recordLag(batch);
    stopTimer();
  }

  private async applyInTransaction(client: PoolClient, groupId: string, batch: ConsumedBatch): Promise<Committed | undefined> {
    const next = await this.offsets.lockNext(client, groupId, batch.topic, batch.partition);
    const unseen = batch.messages.filter((m) => BigInt(m.offset) >= next);
    if (unseen.length === 0) return undefined;

    const entries = unseen.map(toLedgerEntry).filter((e) => e !== undefined);
    if (entries.length < unseen.length) {
      this.malformed.inc(unseen.length - entries.length);
      this.logger.error({ partition: batch.partition, count: unseen.length - entries.length }, 'skipped malformed canonical messages');
    }
    const inserted = await this.ledger.insertNew(client, entries);
    const activity = feedActivity(inserted);
    await this.feeds.record(client, activity);
    const update = await this.counters.apply(client, inserted.map((e) => e.payload as CanonicalEvent));
    await this.offsets.save(client, groupId, batch.topic, batch.partition, nextOffset(unseen[unseen.length - 1].offset));
    return { ...update, activity, duplicates: entries.length - inserted.length };
  }

  private recordLag(batch: ConsumedBatch): void {
    const last = batch.messages[batch.messages.length - 1];
    if (!last) return;
    this.eventAge.set({ partition: String(batch.partition) }, Math.max(0, (Date.now() - Number(last.timestamp)) / 1000));
  }
}
