import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Pool, PoolClient } from 'pg';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { CanonicalEvent } from '@lib/contracts';
import { inTransaction, PG_POOL } from '@lib/database';
import { GroupCommit } from '@lib/batching';
import { ConsumedBatch, ConsumedMessage } from '@lib/kafka';
import type { AggregatorEnvironment } from '../aggregator.environment';
import { CounterLogFolder } from '../counter-log/counter-log-folder';
import { AppliedVersions, NewVersionsApplier } from '../events/new-versions-applier';
import { ConsumerOffsetsRepository } from '../offsets/consumer-offsets.repository';
import { FeedActivity, InstitutionFeedsRepository } from '../feeds/institution-feeds.repository';
import { LedgerRepository } from '../events/ledger.repository';
import { InstitutionFeedsCache } from '../feeds/institution-feeds.cache';
import {
  METRIC_BATCH_COUNTERS,
  METRIC_COUNTER_CHANGES,
  METRIC_BATCH_SECONDS,
  METRIC_DUPLICATES,
  METRIC_EVENT_AGE,
  METRIC_EVENTS_APPLIED,
  METRIC_MALFORMED,
  METRIC_RETRIES,
  METRIC_STALE,
} from './aggregator.metrics';
import { toLedgerEntry } from './canonical-message';
import { feedActivity } from '../feeds/feed-activity';
import { retryTransient } from './transient-errors';

interface Committed extends AppliedVersions {
  activity: FeedActivity[];
  duplicates: number;
}

/**
 * Applies batches exactly once. Batches handed over concurrently (one per partition) are applied
 * together (GroupCommit) in a single PostgreSQL transaction per lane (partition modulo
 * AGGREGATOR_TRANSACTION_LANES; lanes run at the same time, as two instances would). It skips what
 * an earlier run already applied (offsets below the stored ones), records the new event versions in
 * the ledger (dropping duplicates), updates feeds, appends the counter changes to the counter log
 * (NewVersionsApplier) and stores each partition's next offset. A crash before COMMIT leaves nothing; a
 * crash after it leaves everything, offsets included. Only then are Redis and the change feed
 * refreshed (by the fold, CounterLogFolder): they may miss a transaction on a crash, never invent one.
 */
@Injectable()
export class BatchApplier implements OnApplicationShutdown {
  private readonly logger = new Logger(BatchApplier.name);
  /** One GroupCommit per consumer group and lane. */
  private readonly lanes = new Map<string, GroupCommit<ConsumedBatch>>();
  private readonly laneCount: number;
  /** Messages per lane's transaction (AGGREGATOR_TRANSACTION_MAX_MESSAGES shared by the lanes). */
  private readonly maxMessagesPerLane: number;
  private readonly gatherMs: number;
  /** The refresh of the last committed transaction, still running while the next one is applied. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly offsets: ConsumerOffsetsRepository,
    private readonly ledger: LedgerRepository,
    private readonly feeds: InstitutionFeedsRepository,
    private readonly newVersions: NewVersionsApplier,
    private readonly feedsCache: InstitutionFeedsCache,
    private readonly folder: CounterLogFolder,
    @InjectMetric(METRIC_EVENTS_APPLIED) private readonly applied: Counter,
    @InjectMetric(METRIC_DUPLICATES) private readonly duplicates: Counter,
    @InjectMetric(METRIC_STALE) private readonly stale: Counter,
    @InjectMetric(METRIC_MALFORMED) private readonly malformed: Counter,
    @InjectMetric(METRIC_RETRIES) private readonly retries: Counter,
    @InjectMetric(METRIC_BATCH_SECONDS) private readonly batchSeconds: Histogram,
    @InjectMetric(METRIC_BATCH_COUNTERS) private readonly batchCounters: Histogram,
    @InjectMetric(METRIC_COUNTER_CHANGES) private readonly counterChanges: Counter,
    @InjectMetric(METRIC_EVENT_AGE) private readonly eventAge: Gauge,
    config: ConfigService<AggregatorEnvironment, true>,
  ) {
    this.laneCount = config.get('AGGREGATOR_TRANSACTION_LANES', { infer: true });
    this.maxMessagesPerLane = Math.ceil(config.get('AGGREGATOR_TRANSACTION_MAX_MESSAGES', { infer: true }) / this.laneCount);
    this.gatherMs = config.get('AGGREGATOR_GATHER_MS', { infer: true });
  }

  /** Resolves once the batch is committed (with whatever other partitions' batches arrived alongside). */
  apply(groupId: string, batch: ConsumedBatch): Promise<void> {
    const lane = `${groupId}\u0000${batch.partition % this.laneCount}`;
    let group = this.lanes.get(lane);
    if (!group) {
      group = new GroupCommit<ConsumedBatch>({
        commit: (batches) => this.applyTogether(groupId, batches),
        size: (b) => b.messages.length,
        maxSize: this.maxMessagesPerLane,
        gatherMs: this.gatherMs,
      });
      this.lanes.set(lane, group);
    }
    return group.submit(batch);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.refreshing;
  }

  private async applyTogether(groupId: string, batches: ConsumedBatch[]): Promise<void> {
    const stopTimer = this.batchSeconds.startTimer();
    const committed = await retryTransient(
      () => inTransaction(this.pool, (client) => this.applyInTransaction(client, groupId, batches)),
      (error) => {
        this.retries.inc();
        this.logger.warn({ partitions: batches.map((b) => b.partition), code: (error as { code?: string }).code }, 'batch transaction retried');
      },
    );
    if (committed) {
      this.duplicates.inc(committed.duplicates);
      this.applied.inc(committed.applied);
      this.stale.inc(committed.stale);
      this.batchCounters.observe(committed.counterChanges);
      this.counterChanges.inc({ named: 'id' }, committed.counterChangesById);
      this.counterChanges.inc({ named: 'key' }, committed.counterChanges - committed.counterChangesById);
      // The refresh runs while the next transaction is applied; one at a time, in commit order.
      const previous = this.refreshing;
      this.refreshing = previous.then(() => this.refresh(committed));
      await previous;
    }
    for (const batch of batches) this.recordLag(batch);
    stopTimer();
  }

  /**
   * The institution feeds in Redis, and a fold of the counter log, which brings the new counter
   * values to Redis and the change feed without holding up the next transaction. Neither can fail (both log).
   */
  private async refresh(committed: Committed): Promise<void> {
    if (committed.counterChanges > 0) void this.folder.request();
    await this.feedsCache.recordFeeds(committed.activity);
  }

  private async applyInTransaction(client: PoolClient, groupId: string, batches: ConsumedBatch[]): Promise<Committed | undefined> {
    const topic = batches[0].topic;
    const next = await this.offsets.lockNext(
      client,
      groupId,
      topic,
      batches.map((b) => b.partition),
      batches[0].clusterId,
    );
    const unseen = batches.flatMap((b) => b.messages.filter((m) => BigInt(m.offset) >= (next.get(b.partition) ?? 0n)));
    if (unseen.length === 0) return undefined;

    const entries = unseen.map(toLedgerEntry).filter((e) => e !== undefined);
    if (entries.length < unseen.length) {
      this.malformed.inc(unseen.length - entries.length);
      this.logger.error({ partitions: batches.map((b) => b.partition), count: unseen.length - entries.length }, 'skipped malformed canonical messages');
    }
    const inserted = await this.ledger.insertNew(client, entries);
    const activity = feedActivity(inserted);
    await this.feeds.record(client, activity);
    const update = await this.newVersions.apply(
      client,
      inserted.map((e) => e.payload as CanonicalEvent),
    );
    await this.offsets.save(client, groupId, topic, nextOffsets(unseen));
    return { ...update, activity, duplicates: entries.length - inserted.length };
  }

  private recordLag(batch: ConsumedBatch): void {
    const last = batch.messages[batch.messages.length - 1];
    if (!last) return;
    this.eventAge.set({ partition: String(batch.partition) }, Math.max(0, (Date.now() - Number(last.timestamp)) / 1000));
  }
}

/** Each partition's next offset after these messages. */
function nextOffsets(messages: readonly ConsumedMessage[]): Map<number, string> {
  const last = new Map<number, bigint>();
  for (const m of messages) {
    const offset = BigInt(m.offset);
    if ((last.get(m.partition) ?? -1n) < offset) last.set(m.partition, offset);
  }
  return new Map([...last].map(([partition, offset]) => [partition, (offset + 1n).toString()]));
}
