import { Client } from 'pg';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { createKafkaClient, KafkaConnection } from '@lib/kafka';

/**
 * Drops databases whose names match and deletes topics whose names match, with the ACLs of those
 * topics and of consumer groups named alike (test clean-up: a run's groups share its topic prefix).
 */
export async function dropTestResources(
  databaseUrl: string,
  connection: KafkaConnection,
  database: (name: string) => boolean,
  topic: (name: string) => boolean,
): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'health\\_test\\_%'");
    for (const { datname } of rows.filter((r) => database(r.datname))) await dropDatabase(admin, datname);
  } finally {
    await admin.end();
  }
  const kafka = createKafkaClient(connection, 'test-clean-up').admin();
  await kafka.connect();
  try {
    const topics = (await kafka.listTopics()).filter(topic);
    if (topics.length > 0) await kafka.deleteTopics({ topics });
    const { resources } = await kafka.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const stale = resources.filter((r) => (r.resourceType === AclResourceTypes.TOPIC || r.resourceType === AclResourceTypes.GROUP) && topic(r.resourceName));
    if (stale.length > 0) {
      await kafka.deleteAcls({
        filters: stale.map((r) => ({
          resourceType: r.resourceType,
          resourceName: r.resourceName,
          resourcePatternType: r.resourcePatternType,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ANY,
        })),
      });
    }
  } finally {
    await kafka.disconnect();
  }
}

/** Deletes the topics whose names start with `prefix` (a test bed's own), ignoring a broker that refuses. */
export async function deleteTopicsStartingWith(connection: KafkaConnection, prefix: string): Promise<void> {
  const admin = createKafkaClient(connection, 'test-topics').admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Drops a database once its sessions are gone, forcing them out only after a grace period. A test's
 * `pool.end()` resolves before its connections have closed; forcing them at once would hand those
 * still closing a termination error their pool reports as unhandled, failing a finished suite.
 */
async function dropDatabase(admin: Client, name: string, graceMs = 5000): Promise<void> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const { rows } = await admin.query<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0].sessions === 0 || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
