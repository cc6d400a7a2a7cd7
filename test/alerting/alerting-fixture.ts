import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';
import { eventually } from '../support/app-process';

/** The source documents' targets of `year`, loaded by the alerting app's own command (as operators do). */
export function seedDemoTargets(env: Record<string, string>, year: string): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/apps/alerting/src/cli.js'), 'seed-targets', '--year', year], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

/** Resolves once a consumer group has joined (its members own their partitions): changes sent after are seen. */
export async function waitForGroup(connection: KafkaConnection, groupId: string): Promise<void> {
  const admin = createKafkaClient(connection, 'alerting-test-admin').admin();
  await admin.connect();
  try {
    await eventually(
      async () => (await admin.describeGroups([groupId])).groups[0]?.state,
      (state) => state === 'Stable',
      30_000,
    );
  } finally {
    await admin.disconnect();
  }
}
