import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a storage answers the throttler guard (the package does not export its type from its root). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Bucket {
  tokens: number;
  refilledAt: number;
  blockedUntil: number;
}

/**
 * Rate-limit state per key in constant time per request: a token bucket holding `limit` requests,
 * refilled at `limit` per `ttl`. A key may send its whole limit at once and that many per `ttl` on
 * average; the request that finds the bucket empty blocks the key for `blockDuration` (the
 * throttler's default is the ttl), as @nestjs/throttler's own storage does. That storage keeps one
 * timestamp per request of the last ttl and copies them all on every request — thousands per
 * request for a busy key.
 */
export class TokenBucketStorage implements ThrottlerStorage {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.sweptAt = now();
  }

  /** Keys with state (buckets not yet full again, or blocked). */
  get size(): number {
    return this.buckets.size;
  }

  // Asynchronous by the ThrottlerStorage interface only.
  increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.take(key, ttl, limit, blockDuration));
  }

  private take(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.now();
    this.sweep(now, ttl);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit, refilledAt: now, blockedUntil: 0 };
      this.buckets.set(key, bucket);
    }
    if (bucket.blockedUntil > now) return blocked(bucket, now, limit, ttl);
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.refilledAt) * limit) / ttl);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) {
      bucket.blockedUntil = now + blockDuration;
      return blocked(bucket, now, limit, ttl);
    }
    bucket.tokens -= 1;
    return { totalHits: Math.ceil(limit - bucket.tokens), timeToExpire: secondsUntilFull(bucket, limit, ttl), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Once per ttl, forgets keys whose bucket is full again and not blocked: as if never seen. */
  private sweep(now: number, ttl: number): void {
    if (now - this.sweptAt < ttl) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.blockedUntil <= now && now - bucket.refilledAt >= ttl) this.buckets.delete(key);
    }
  }
}

function blocked(bucket: Bucket, now: number, limit: number, ttl: number): ThrottlerStorageRecord {
  return {
    totalHits: limit + 1,
    timeToExpire: secondsUntilFull(bucket, limit, ttl),
    isBlocked: true,
    timeToBlockExpire: Math.ceil((bucket.blockedUntil - now) / 1000),
  };
}

function secondsUntilFull(bucket: Bucket, limit: number, ttl: number): number {
  return Math.ceil(((limit - bucket.tokens) * ttl) / limit / 1000);
}
