import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import Redis from 'ioredis';
import type { BaseEnvironment } from '@lib/config';

/** The app's Redis connection (live values cache and change feed). Keys carry REDIS_KEY_PREFIX. */
export const REDIS = Symbol('REDIS');

@Injectable()
export class RedisHealthCheck {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check() {
    const redis = this.indicator.check('redis');
    try {
      await this.redis.ping();
      return redis.up();
    } catch (error) {
      return redis.down({ message: (error as Error).message });
    }
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}

export function createRedis(config: ConfigService<BaseEnvironment, true>): Redis {
  const redis = new Redis(config.get('REDIS_URL', { infer: true }), {
    keyPrefix: config.get('REDIS_KEY_PREFIX', { infer: true }),
    // Redis is a cache here: fail a command fast rather than retrying it for long while Redis is down.
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  redis.on('error', () => undefined);
  return redis;
}

@Global()
@Module({
  imports: [TerminusModule],
  providers: [{ provide: REDIS, inject: [ConfigService], useFactory: createRedis }, RedisCloser, RedisHealthCheck],
  exports: [REDIS, RedisHealthCheck],
})
export class RedisModule {}
