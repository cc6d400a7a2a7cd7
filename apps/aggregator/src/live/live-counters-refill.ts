import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@lib/redis';
import { IndicatorCountersRepository } from '../counters/indicator-counters.repository';
import { LIVE_COUNTERS_READY } from '@lib/indicator-readings';
import { LiveCountersCache } from './live-counters.cache';

/** How far back a starting aggregator re-writes changed counters to the cache (see below). */
const REPAIR_WINDOW_MS = 15 * 60_000;

/**
 * Refills the live cache from PostgreSQL when Redis has lost it (first start, flush, new Redis, a
 * failed write that withdrew the "ready" marker): at start and then every 30 seconds.
 * Runs in the background: consumption goes on meanwhile, and the revision check in the cache keeps
 * a refilled old value from overwriting a newer live one. Losing Redis therefore loses nothing.
 *
 * At start it also re-writes the counters changed in the last REPAIR_WINDOW_MS: a process killed
 * between a COMMIT and that transaction's Redis write left those values only in PostgreSQL, and a
 * restart (seconds to minutes later under an orchestrator) puts them back.
 */
@Injectable()
export class LiveCountersRefill implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveCountersRefill.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly counters: IndicatorCountersRepository,
    private readonly cache: LiveCountersCache,
  ) {}

  onApplicationBootstrap(): void {
    // A full refill holds the recent changes too; otherwise put back what a crash may have left out.
    void this.refillIfEmpty().then((refilled) => (refilled ? undefined : this.repairRecent()));
    this.timer = setInterval(() => void this.refillIfEmpty(), 30_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Re-writes the counters changed recently (a no-op for values Redis already has: revision check). */
  async repairRecent(): Promise<void> {
    try {
      const written = await this.copyToCache(new Date(Date.now() - REPAIR_WINDOW_MS));
      if (written) this.logger.log({ counters: written }, 'recently changed counters re-written to the live cache');
    } catch (error) {
      this.logger.warn({ err: error }, 'recently changed counters not re-written');
    }
  }

  /** @returns whether it refilled the cache */
  async refillIfEmpty(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      if (await this.redis.exists(LIVE_COUNTERS_READY)) return false;
      const started = Date.now();
      const written = await this.copyToCache();
      if (written === undefined) return false; // Redis went away again: the next round retries
      await this.redis.set(LIVE_COUNTERS_READY, new Date().toISOString());
      this.logger.log({ counters: written, ms: Date.now() - started }, 'live counters refilled from PostgreSQL');
      return true;
    } catch (error) {
      this.logger.warn({ err: error }, 'live counters not refilled');
      return false;
    } finally {
      this.running = false;
    }
  }

  /** Copies counters (all, or those changed since) to the cache a page at a time; undefined when a Redis write failed. */
  private async copyToCache(changedSince?: Date): Promise<number | undefined> {
    let written = 0;
    for await (const page of this.counters.pages(5000, changedSince)) {
      if (!(await this.cache.write(page))) return undefined;
      written += page.length;
    }
    return written;
  }
}
