// Global setup runs outside jest's module registry, so the @lib/* aliases need registering here.
import 'tsconfig-paths/register';
import { Client } from 'pg';
import { createKafkaClient } from '@lib/kafka';
import { provision } from '../../tools/provision';
import { testDatabaseUrl, testEnvironment } from '../support/test-environment';

/** Leftovers of runs older than this (crashed or interrupted) are removed; younger ones may still be running. */
const STALE_MS = 2 * 3600_000;

/**
 * Before the integration suite: this run's own database with every migration and its own topics
 * (by run id) on the real local broker; leftovers of stale runs are removed.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_ID ??= Date.now().toString(36);
  await dropStaleDatabases();
  await deleteStaleTopics();
  await provision(testEnvironment());
}

const runAge = (run: string) => Date.now() - parseInt(run, 36);

async function adminClient(): Promise<Client> {
  const url = new URL(testDatabaseUrl());
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

async function dropStaleDatabases(): Promise<void> {
  const admin = await adminClient();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^health_test_[0-9a-z]+$'");
    for (const { datname } of rows) {
      if (runAge(datname.slice('health_test_'.length)) > STALE_MS) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function deleteStaleTopics(): Promise<void> {
  const admin = createKafkaClient(testEnvironment().KAFKA_BROKERS, 'test-setup').admin();
  await admin.connect();
  try {
    const stale = (await admin.listTopics()).filter((topic) => {
      const run = /^test-([0-9a-z]+)\./.exec(topic)?.[1];
      return run !== undefined && runAge(run) > STALE_MS;
    });
    if (stale.length > 0) await admin.deleteTopics({ topics: stale });
  } finally {
    await admin.disconnect();
  }
}
