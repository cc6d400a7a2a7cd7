/**
 * Makes the infrastructure ready for the apps: creates the database if missing, applies the SQL
 * migrations, creates the Kafka topics with their partitions and configs and, with
 * KAFKA_PROVISION_ACLS=true, the ACLs of every principal (libs/kafka KAFKA_ACCESS). Idempotent.
 *   node dist/tools/provision.js            (reads DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_SASL_*...)
 */
import 'reflect-metadata';
import { BaseEnvironment, ToBoolean, validateEnvironment } from '@lib/config';
import { migrate } from '@lib/database';
import { createKafkaClient, ensureAcls, ensureTopics, kafkaGrants } from '@lib/kafka';

class ProvisionEnvironment extends BaseEnvironment {
  override PORT: number = 1;

  /**
   * Whether provisioning also creates the principals' ACLs (as a super user): on the local broker and
   * in tests. Not under Strimzi, whose User Operator owns the ACLs of its KafkaUsers.
   */
  @ToBoolean()
  KAFKA_PROVISION_ACLS: boolean = false;
}

export async function provision(raw: Record<string, unknown> = process.env): Promise<void> {
  const env = validateEnvironment(ProvisionEnvironment, raw);
  const log = (message: string) => process.stdout.write(`[provision] ${message}\n`);
  await migrate(env.DATABASE_URL, (message) => {
    if (/^(> )?Migrating|No migrations/.test(message)) log(message);
  });
  log(`database ready: ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
  const kafka = createKafkaClient(env, 'provision');
  const created = await ensureTopics(kafka, env.KAFKA_TOPIC_PREFIX, env.KAFKA_REPLICATION_FACTOR, log);
  log(created.length ? `topics created: ${created.join(', ')}` : 'topics present');
  if (env.KAFKA_PROVISION_ACLS) {
    const grants = kafkaGrants(env.KAFKA_TOPIC_PREFIX, env.KAFKA_GROUP_PREFIX);
    await ensureAcls(kafka, grants);
    log(`ACLs present: ${grants.length}`);
  }
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
