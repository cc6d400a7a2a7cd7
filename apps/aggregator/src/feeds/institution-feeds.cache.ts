import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '@lib/redis';
import type { FeedActivity } from './institution-feeds.repository';

/**
 * The institution feeds in Redis (`feed:<institutionId>`: last occurrence and receipt, events applied),
 * refreshed after each committed batch. Redis is a cache: a failure here is logged and the next batch
 * catches up; institution_feeds in PostgreSQL is the truth.
 */
@Injectable()
export class InstitutionFeedsCache {
  private readonly logger = new Logger(InstitutionFeedsCache.name);

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
      this.logger.warn({ err: error }, 'institution feeds not refreshed in Redis');
    }
  }
}
