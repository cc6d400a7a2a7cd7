// Global setup runs outside jest's module registry, so the @lib/* aliases need registering here.
import 'tsconfig-paths/register';
import { localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { dropTestResources } from '../support/test-resources';

/** Leftovers of runs older than this (crashed or interrupted) are removed; younger ones may still be running. */
const STALE_MS = 2 * 3600_000;
const runAge = (run: string | undefined) => (run === undefined ? 0 : Date.now() - parseInt(run, 36));

/** Fixes this run's id and removes what stale runs left behind. Each test file provisions its own resources. */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_ID ??= Date.now().toString(36);
  await dropTestResources(
    'postgres://postgres@127.0.0.1:5432/postgres',
    { KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', ...localKafkaCredentials('admin') },
    (database) => runAge(/^health_test_([0-9a-z]+)/.exec(database)?.[1]) > STALE_MS,
    (topic) => runAge(/^test-([0-9a-z]+)[._]/.exec(topic)?.[1]) > STALE_MS,
  );
}
