import { createHash } from 'node:crypto';
import { localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';

/**
 * The environment integration tests and the app processes they start share. Every test FILE gets
 * its own database, topic prefix, consumer groups and Redis key prefix (`<run>_<file>`), provisioned
 * before it and dropped after (test/setup/isolation.ts), so suites never see each other's data and
 * concurrent runs never disturb each other.
 */
export function testRunId(): string {
  const id = process.env.TEST_RUN_ID;
  if (!id) throw new Error('TEST_RUN_ID is not set: run integration tests through jest (global setup) or scripts/test.sh');
  return id;
}

/** A short stable id of the running test file (jest gives each file its own module registry). */
function testFileId(): string {
  const path = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath ?? 'shared';
  return createHash('sha256').update(path).digest('hex').slice(0, 6);
}

export function testScope(): string {
  return `${testRunId()}_${testFileId()}`;
}

/** A test's variables; the Kafka ones are always there (createKafkaClient takes the environment). */
export type TestEnvironment = Record<string, string> & { KAFKA_BROKERS: string };

/**
 * Tests and provisioning act as the broker's super user (they create topics and ACLs, read every
 * topic); each app process runs as its own principal (test/support/app-process.ts).
 */
export function testEnvironment(overrides: Record<string, string> = {}): TestEnvironment {
  const scope = testScope();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_APP_LOG_LEVEL ?? 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/health_test_${scope}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    REDIS_KEY_PREFIX: `test-${scope}:`,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ...localKafkaCredentials('admin'),
    KAFKA_PROVISION_ACLS: 'true',
    KAFKA_TOPIC_PREFIX: `test-${scope}.`,
    KAFKA_GROUP_PREFIX: `test-${scope}`,
    // Crash tests restart consumers: the broker's minimum keeps the dead member's wait short.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    ...overrides,
  };
}
