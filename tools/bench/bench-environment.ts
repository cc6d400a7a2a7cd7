import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createKafkaClient } from '@lib/kafka';
import { localKafkaCredentials } from '../lib/local-kafka-credentials';
import { provision } from '../provision';

/**
 * A fresh, isolated environment per benchmark run on the local broker, PostgreSQL and Redis:
 * its own database (health_bench, recreated), topic prefix and Redis key prefix, so a run never
 * reads the demo's data and starts from empty tables. `run` names one section's environment: the
 * database is recreated, but topics and Redis keys under a name stay until the run ends, so two
 * sections under one name would consume each other's events and read each other's live counters.
 */
export function benchEnvironment(run: string, overrides: Record<string, string> = {}): Record<string, string> & { KAFKA_BROKERS: string } {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // Production mode refuses known or short secrets: each run has its own (the same for all its processes).
    ADMIN_TOKEN: createHash('sha256').update(`bench-admin-token:${run}`).digest('hex'),
    PSEUDONYM_SECRET: createHash('sha256').update(`bench-pseudonym-secret:${run}`).digest('hex'),
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/health_bench',
    DATABASE_POOL_MAX: '10',
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    REDIS_KEY_PREFIX: `bench-${run}:`,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    // The benchmark's apps and tools share the super user: throughput, not the ACLs, is measured here.
    ...localKafkaCredentials('admin'),
    KAFKA_PROVISION_ACLS: 'true',
    KAFKA_TOPIC_PREFIX: `bench-${run}.`,
    KAFKA_GROUP_PREFIX: `bench-${run}`,
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    INGEST_RATE_LIMIT_PER_MINUTE: '100000000',
    INGEST_BODY_LIMIT: '16mb',
    // e.g. BENCH_NODE_OPTIONS="--require ./dist/tools/bench/cpu-profile-preload.js" profiles the apps.
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    ...overrides,
  };
}

export async function prepareBenchEnvironment(env: Record<string, string>): Promise<void> {
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const quiet = { ...env };
  await provision(quiet);
}

/**
 * Deletes every benchmark run's topics and Redis keys (`bench-` prefixes): each run creates 60
 * partitions and ~100k cache keys, and leaving them makes the broker and Redis slower run after run.
 * Called before and after a run; databases are dropped by prepareBenchEnvironment.
 */
export async function removeBenchLeftovers(): Promise<void> {
  const env = benchEnvironment('cleanup');
  const admin = createKafkaClient(env, 'bench-cleanup').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith('bench-'));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 60_000 });
  } finally {
    await admin.disconnect();
  }
  const redis = new Redis(env.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'bench-*', 'COUNT', 5000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
