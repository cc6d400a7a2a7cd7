export { createRedis, REDIS, RedisHealthCheck, RedisModule } from './redis.module';
