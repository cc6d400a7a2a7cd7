import { Client } from 'pg';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';

/** Drops databases whose names match and deletes topics whose names match (test clean-up). */
export async function dropTestResources(databaseUrl: string, connection: KafkaConnection, database: (name: string) => boolean, topic: (name: string) => boolean): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'health\\_test\\_%'");
    for (const { datname } of rows.filter((r) => database(r.datname))) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const kafka = createKafkaClient(connection, 'test-clean-up').admin();
  await kafka.connect();
  try {
    const topics = (await kafka.listTopics()).filter(topic);
    if (topics.length > 0) await kafka.deleteTopics({ topics });
  } finally {
    await kafka.disconnect();
  }
}
