import 'tsconfig-paths/register';
import { localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { dropTestResources } from '../support/test-resources';

/** After the suite: whatever this run's files left (set KEEP_TEST_DATA=1 to keep it for a look). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.TEST_RUN_ID;
  if (process.env.KEEP_TEST_DATA === '1' || !run) return;
  await dropTestResources(
    'postgres://postgres@127.0.0.1:5432/postgres',
    { KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', ...localKafkaCredentials('admin') },
    (database) => database.startsWith(`health_test_${run}_`),
    (topic) => topic.startsWith(`test-${run}_`),
  );
}
