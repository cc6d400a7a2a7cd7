import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { BaseEnvironment } from '@lib/config';

/** Variables of the aggregator app (see .env.example and the configuration table of apps/aggregator/README.md). */
export class AggregatorEnvironment extends BaseEnvironment {
  override PORT: number = 3003;

  /** `compiled` (fast) or `declarative` (the reference the compiled catalogue is tested against). */
  @IsIn(['compiled', 'declarative'])
  AGGREGATOR_ENGINE: 'compiled' | 'declarative' = 'compiled';

  /**
   * Transactions one process applies at the same time, each for its own share of the partitions
   * (partition modulo lanes): one computes while another waits for PostgreSQL.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6)
  AGGREGATOR_TRANSACTION_LANES: number = 2;

  /**
   * Messages the transactions of all lanes apply together at most (each lane its share): large enough
   * to merge many events into each counter and amortise round trips, small enough to commit well
   * within the group session and to keep two transactions' data (one applied, one refreshed) within
   * the aggregator's memory budget.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  AGGREGATOR_TRANSACTION_MAX_MESSAGES: number = 2500;

  /** How long (ms) an idle lane's first batch waits for other partitions' batches before its transaction starts. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  AGGREGATOR_GATHER_MS: number = 5;

  /** Bytes one fetch brings of each partition of the canonical topic (512 KiB: ~900 events); a larger batch still comes whole. */
  @Type(() => Number)
  @IsInt()
  @Min(16_384)
  @Max(16_777_216)
  AGGREGATOR_FETCH_BYTES_PER_PARTITION: number = 524_288;

  /** How often (ms) the counter log is folded besides after every commit: changes another instance committed, a failed fold. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  AGGREGATOR_FOLD_INTERVAL_MS: number = 1000;

  /**
   * Counter-log rows one fold takes at most (~8 per event; whole transactions, one at least): a fold
   * after a backlog holds no more new values, Redis writes and change messages in memory at once; a fold
   * that stops at it is followed by another.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(1_000_000)
  AGGREGATOR_FOLD_MAX_LOG_ROWS: number = 20_000;

  /**
   * Counter ids (indicator_counters.id) remembered from folds, ~150 bytes each: a change to one of them
   * goes to the counter log by id, any other by its key columns. 0 names every change by key.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  AGGREGATOR_COUNTER_IDS_CACHED: number = 200_000;

  /** Folded counter-log rows after which the log is vacuumed (~2 MB of dead rows per 20,000). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(100_000_000)
  AGGREGATOR_VACUUM_LOG_EVERY_ROWS: number = 200_000;

  /**
   * How often (ms) the live cache is refilled if Redis lost it, and the counters of unannounced folds
   * are written to Redis and the change feed again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  AGGREGATOR_REFILL_INTERVAL_MS: number = 30_000;

  /** Unannounced folds younger than this (ms) are left to the process that folded them: it is announcing them right now. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  AGGREGATOR_REANNOUNCE_AFTER_MS: number = 10_000;
}
