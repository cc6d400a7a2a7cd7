/**
 * The environment integration tests and the app processes they start share. The global setup fixes
 * a run id; each run gets its own database (health_test_<run>), topic prefix and Redis key prefix on
 * the developer's broker, PostgreSQL and Redis, so concurrent runs never disturb each other.
 */
export function testRunId(): string {
  const id = process.env.TEST_RUN_ID;
  if (!id) throw new Error('TEST_RUN_ID is not set: run integration tests through jest (global setup) or scripts/test.sh');
  return id;
}

export function testDatabaseUrl(run = testRunId()): string {
  return process.env.TEST_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/health_test_${run}`;
}

export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const run = testRunId();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_APP_LOG_LEVEL ?? 'warn',
    DATABASE_URL: testDatabaseUrl(run),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    REDIS_KEY_PREFIX: `test-${run}:`,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_PREFIX: `test-${run}.`,
    KAFKA_GROUP_PREFIX: `test-${run}`,
    // Crash tests restart consumers: the broker's minimum keeps the dead member's wait short.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    ...overrides,
  };
}
