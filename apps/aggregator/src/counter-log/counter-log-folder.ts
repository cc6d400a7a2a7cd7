import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Pool } from 'pg';
import { Histogram } from 'prom-client';
import { inTransaction, PG_POOL } from '@lib/database';
import type { AggregatorEnvironment } from '../aggregator.environment';
import { METRIC_FOLD_COUNTERS, METRIC_FOLD_SECONDS } from '../consumption/aggregator.metrics';
import { IndicatorChangesPublisher } from '../live/indicator-changes.publisher';
import { LiveCountersCache } from '../live/live-counters.cache';
import { CounterIds } from './counter-ids';
import { foldCounterLog, IndicatorCountersRepository, vacuumCounterLog } from './indicator-counters.repository';

/**
 * Folds the counter log into indicator_counters, then tells Redis and the change feed the new values
 * (in that order: a reader told of a change re-reads Redis). A fold is asked for after every committed
 * batch; requests that arrive while one runs are served by a single next fold, so under load each
 * fold sums many batches' changes into one write per counter, and when idle a change is folded
 * right after its batch commits. Readers of PostgreSQL see log and table together, so a late fold
 * delays only Redis and the change feed, never a value read from the database. A fold stays recorded
 * as unannounced until both have its values. A fold also runs on a clock (AGGREGATOR_FOLD_INTERVAL_MS):
 * for changes another instance committed, and after a failed fold.
 */
@Injectable()
export class CounterLogFolder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CounterLogFolder.name);
  private timer?: NodeJS.Timeout;
  private pending = false;
  private running?: Promise<void>;
  private foldedSinceVacuum = 0;
  private readonly intervalMs: number;
  private readonly maxLogRows: number;
  private readonly vacuumEveryRows: number;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly counters: IndicatorCountersRepository,
    private readonly counterIds: CounterIds,
    private readonly liveCounters: LiveCountersCache,
    private readonly changes: IndicatorChangesPublisher,
    @InjectMetric(METRIC_FOLD_SECONDS) private readonly foldSeconds: Histogram,
    @InjectMetric(METRIC_FOLD_COUNTERS) private readonly foldCounters: Histogram,
    config: ConfigService<AggregatorEnvironment, true>,
  ) {
    this.intervalMs = config.get('AGGREGATOR_FOLD_INTERVAL_MS', { infer: true });
    this.maxLogRows = config.get('AGGREGATOR_FOLD_MAX_LOG_ROWS', { infer: true });
    this.vacuumEveryRows = config.get('AGGREGATOR_VACUUM_LOG_EVERY_ROWS', { infer: true });
  }

  onApplicationBootstrap(): void {
    // Fire and forget: a fold logs its own failures, and shutdown awaits the one running.
    void this.request();
    this.timer = setInterval(() => void this.request(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a fold soon; resolves when a fold that started after the request has ended. */
  request(): Promise<void> {
    this.pending = true;
    this.running ??= this.foldWhilePending();
    return this.running;
  }

  private async foldWhilePending(): Promise<void> {
    try {
      while (this.pending) {
        this.pending = false;
        await this.foldOnce();
      }
    } finally {
      // In the same tick as the last check of `pending`: no request can fall between the two.
      this.running = undefined;
    }
  }

  private async foldOnce(): Promise<void> {
    const stopTimer = this.foldSeconds.startTimer();
    let foldedRows = 0;
    try {
      const fold = await inTransaction(this.pool, (client) => foldCounterLog(client, this.maxLogRows));
      foldedRows = fold.foldedRows;
      if (fold.more) this.pending = true;
      this.foldCounters.observe(fold.values.length);
      this.counterIds.learn(fold.values, fold.counterIds);
      if (fold.id === undefined) return;
      // Left unannounced on a failure: LiveCountersRefill announces those counters again later.
      if ((await this.liveCounters.write(fold.values)) && (await this.changes.publish(fold.values))) await this.counters.announced(fold.id);
    } catch (error) {
      // The changes stay in the log (readers still see them); the clock tries again.
      this.logger.warn({ err: error }, 'counter log not folded');
    } finally {
      stopTimer();
    }
    // After the announcement: a vacuum never delays a value reaching Redis and the change feed.
    await this.vacuumLogEvery(foldedRows);
  }

  private async vacuumLogEvery(foldedRows: number): Promise<void> {
    this.foldedSinceVacuum += foldedRows;
    if (this.foldedSinceVacuum < this.vacuumEveryRows) return;
    this.foldedSinceVacuum = 0;
    await vacuumCounterLog(this.pool).catch((error: unknown) => this.logger.warn({ err: error }, 'counter log not vacuumed'));
  }
}
