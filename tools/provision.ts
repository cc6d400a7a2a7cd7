/**
 * Makes the infrastructure ready for the apps: creates the database if missing, applies the SQL
 * migrations, and creates the Kafka topics with their partitions and configs. Idempotent.
 *   node dist/tools/provision.js            (reads DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX...)
 */
import 'reflect-metadata';
import { BaseEnvironment, validateEnvironment } from '@lib/config';
import { migrate } from '@lib/database';
import { createKafkaClient, ensureTopics } from '@lib/kafka';

class ProvisionEnvironment extends BaseEnvironment {
  override PORT: number = 1;
}

export async function provision(raw: Record<string, unknown> = process.env): Promise<void> {
  const env = validateEnvironment(ProvisionEnvironment, raw);
  const log = (message: string) => process.stdout.write(`[provision] ${message}\n`);
  await migrate(env.DATABASE_URL, (message) => {
    if (/^(> )?Migrating|No migrations/.test(message)) log(message);
  });
  log(`database ready: ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
  const created = await ensureTopics(createKafkaClient(env.KAFKA_BROKERS, 'provision'), env.KAFKA_TOPIC_PREFIX, env.KAFKA_REPLICATION_FACTOR, log);
  log(created.length ? `topics created: ${created.join(', ')}` : 'topics present');
}

if (require.main === module) {
  provision().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`[provision] failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
