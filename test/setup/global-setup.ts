// Global setup runs outside jest's module registry, so the @lib/* aliases need registering here.
import 'tsconfig-paths/register';
import { Client } from 'pg';
import { createKafkaClient } from '@lib/kafka';
import { provision } from '../../tools/provision';
import { TEST_DATABASE_URL, testEnvironment } from '../support/test-environment';

/**
 * Before the integration suite: a fresh test database with every migration, and fresh topics
 * under a per-run prefix (topics of earlier runs are deleted) on the real local broker.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_ID ??= `${Date.now().toString(36)}`;
  await recreateDatabase(TEST_DATABASE_URL);
  await deleteEarlierTestTopics();
  const quiet = process.stdout.write.bind(process.stdout);
  await provision(testEnvironment()).finally(() => (process.stdout.write = quiet));
}

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function deleteEarlierTestTopics(): Promise<void> {
  const admin = createKafkaClient(testEnvironment().KAFKA_BROKERS, 'test-setup').admin();
  await admin.connect();
  try {
    const stale = (await admin.listTopics()).filter((t) => t.startsWith('test-') && !t.startsWith(testEnvironment().KAFKA_TOPIC_PREFIX));
    if (stale.length > 0) await admin.deleteTopics({ topics: stale });
  } finally {
    await admin.disconnect();
  }
}
