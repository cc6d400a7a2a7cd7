import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@lib/redis';
import type { FeedActivity } from '../ledger/institution-feeds.repository';

/**
 * The live values in Redis, refreshed after each committed batch. Redis is a cache: a failure here
 * is logged and the next batch (or a rebuild from PostgreSQL) catches up; nothing is lost.
 */
@Injectable()
export class LiveCache {
  private readonly logger = new Logger(LiveCache.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async recordFeeds(activity: FeedActivity[]): Promise<void> {
    if (activity.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const feed of activity) {
      pipeline.hset(`feed:${feed.institutionId}`, {
        lastOccurredAt: feed.lastOccurredAt,
        lastReceivedAt: feed.lastReceivedAt,
      });
      pipeline.hincrby(`feed:${feed.institutionId}`, 'eventsApplied', feed.events);
    }
    try {
      await pipeline.exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'live cache not refreshed');
    }
  }
}
