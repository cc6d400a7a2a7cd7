import 'tsconfig-paths/register';
import { Client } from 'pg';
import { createKafkaClient } from '@lib/kafka';
import { testDatabaseUrl, testEnvironment } from '../support/test-environment';

/** After the suite: this run's database and topics go (set KEEP_TEST_DATA=1 to keep them for a look). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATA === '1' || !process.env.TEST_RUN_ID) return;
  const url = new URL(testDatabaseUrl());
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());

  const kafka = createKafkaClient(testEnvironment().KAFKA_BROKERS, 'test-teardown').admin();
  await kafka.connect();
  try {
    const prefix = testEnvironment().KAFKA_TOPIC_PREFIX;
    const mine = (await kafka.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (mine.length > 0) await kafka.deleteTopics({ topics: mine });
  } finally {
    await kafka.disconnect();
  }
}
