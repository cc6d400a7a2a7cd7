import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { REDIS } from '@lib/redis';
import { LIVE_COUNTERS_READY } from '@lib/indicator-readings';
import type { AggregatorEnvironment } from '../aggregator.environment';
import { IndicatorCountersRepository } from '../counter-log/indicator-counters.repository';
import { IndicatorChangesPublisher } from './indicator-changes.publisher';
import { LiveCountersCache } from './live-counters.cache';

/**
 * Held while a refill copies PostgreSQL to the cache. Redis losing its data meanwhile takes it along,
 * and the refill then does not mark the cache complete: what it wrote before the loss is gone, and a
 * value it read before a fold but wrote after the loss would otherwise stay, older than PostgreSQL.
 */
const REFILL_IN_PROGRESS = 'counter:@refilling';

/** Marks the cache complete if the refill's own token is still there (nothing was lost since it began). */
const MARK_READY_IF_KEPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

/**
 * Refills the live cache from PostgreSQL when Redis has lost it (first start, flush, new Redis, a
 * failed write that withdrew the "ready" marker): at start and then every AGGREGATOR_REFILL_INTERVAL_MS (30 s).
 * Runs in the background: consumption goes on meanwhile, and the revision check in the cache keeps
 * a refilled old value from overwriting a newer live one. Losing Redis therefore loses nothing.
 *
 * At the same times it announces again (Redis, then the change feed) the counters of folds whose
 * announcement never completed (unannounced_counter_folds): a process killed between a fold's COMMIT
 * and its Redis write, Redis or Kafka down. However long ago that was, the counters changed since are
 * re-read from PostgreSQL and written again; Redis keeps the newer of two revisions. Folds younger than
 * AGGREGATOR_REANNOUNCE_AFTER_MS are left to the process that folded them: it is announcing them right now.
 */
@Injectable()
export class LiveCountersRefill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveCountersRefill.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly intervalMs: number;
  private readonly reannounceAfterMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly counters: IndicatorCountersRepository,
    private readonly cache: LiveCountersCache,
    private readonly changes: IndicatorChangesPublisher,
    config: ConfigService<AggregatorEnvironment, true>,
  ) {
    this.intervalMs = config.get('AGGREGATOR_REFILL_INTERVAL_MS', { infer: true });
    this.reannounceAfterMs = config.get('AGGREGATOR_REANNOUNCE_AFTER_MS', { infer: true });
  }

  onApplicationBootstrap(): void {
    // At start every unannounced fold is a previous process's: announce them all at once.
    void this.refillIfEmpty().then(() => this.announceAgain(0));
    this.timer = setInterval(() => void this.refillIfEmpty().then(() => this.announceAgain(this.reannounceAfterMs)), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Announces again the counters changed since the oldest unannounced fold at least `minAgeMs` old. */
  async announceAgain(minAgeMs: number): Promise<void> {
    try {
      const folds = await this.counters.unannounced(minAgeMs);
      if (!folds) return;
      let announced = 0;
      for await (const page of this.counters.pages(5000, folds.since)) {
        if (!(await this.cache.write(page)) || !(await this.changes.publish(page))) return; // the next round retries
        announced += page.length;
      }
      await this.counters.announcedUpTo(folds.lastId);
      this.logger.log({ counters: announced, since: folds.since.toISOString() }, 'counters of unannounced folds announced again');
    } catch (error) {
      this.logger.warn({ err: error }, 'unannounced folds not announced again');
    }
  }

  /** @returns whether it refilled the cache */
  async refillIfEmpty(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      if (await this.redis.exists(LIVE_COUNTERS_READY)) return false;
      const started = Date.now();
      const token = randomUUID();
      await this.redis.set(REFILL_IN_PROGRESS, token);
      const written = await this.copyToCache();
      if (written === undefined) return false; // Redis went away again: the next round retries
      if ((await this.redis.eval(MARK_READY_IF_KEPT, 2, REFILL_IN_PROGRESS, LIVE_COUNTERS_READY, token, new Date().toISOString())) !== 1) {
        this.logger.warn({ counters: written }, 'live cache lost again during its refill (or refilled by another instance): not marked complete');
        return false;
      }
      this.logger.log({ counters: written, ms: Date.now() - started }, 'live counters refilled from PostgreSQL');
      return true;
    } catch (error) {
      this.logger.warn({ err: error }, 'live counters not refilled');
      return false;
    } finally {
      this.running = false;
    }
  }

  /** Copies every counter to the cache a page at a time; undefined when a Redis write failed. */
  private async copyToCache(): Promise<number | undefined> {
    let written = 0;
    for await (const page of this.counters.pages()) {
      if (!(await this.cache.write(page))) return undefined;
      written += page.length;
    }
    return written;
  }
}
