import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes } from 'kafkajs';
import { consumerGroupId } from './kafka-batch-consumer';
import { TopicKey, TOPICS } from './topics';

/** Consumer groups of the apps (KAFKA_GROUP_PREFIX goes in front); `queryStream` is a prefix: one group per process. */
export const CONSUMER_GROUPS = {
  ingestRaw: 'ingest-raw',
  aggregator: 'aggregator',
  alerting: 'alerting',
  queryStream: 'query-stream.',
} as const;

/** Kafka principals (User:<name>): one per app, `integrator` for institutions' producers; `admin` is the super user. */
export const KAFKA_PRINCIPALS = ['ingest', 'aggregator', 'query', 'alerting', 'integrator'] as const;
export type KafkaPrincipal = (typeof KAFKA_PRINCIPALS)[number];

/** What each principal may do; anything else the broker refuses (no ACL, no access). */
export const KAFKA_ACCESS: Record<KafkaPrincipal, { reads: TopicKey[]; writes: TopicKey[]; groups: (keyof typeof CONSUMER_GROUPS)[] }> = {
  // Only ingest writes canonical events: it is the one that validates and pseudonymises.
  ingest: { reads: ['eventsRaw'], writes: ['events', 'eventsDeadLetter'], groups: ['ingestRaw'] },
  // Only the aggregator writes the change feed: changes follow its committed batches.
  aggregator: { reads: ['events'], writes: ['indicatorChanges'], groups: ['aggregator'] },
  query: { reads: ['indicatorChanges'], writes: [], groups: ['queryStream'] },
  alerting: { reads: ['indicatorChanges'], writes: ['alerts'], groups: ['alerting'] },
  // Institutions and integrators: the raw door only, where every message is checked (signature, schema).
  integrator: { reads: [], writes: ['eventsRaw'], groups: [] },
};

export interface KafkaGrant {
  principal: string;
  resource: 'topic' | 'group';
  name: string;
  pattern: 'literal' | 'prefixed';
  operation: 'Read' | 'Write' | 'Describe';
}

/** KAFKA_ACCESS as ACL entries for a deployment's topic and group prefixes (what Strimzi's KafkaUsers also say). */
export function kafkaGrants(topicPrefix: string, groupPrefix: string): KafkaGrant[] {
  const grants: KafkaGrant[] = [];
  for (const principal of KAFKA_PRINCIPALS) {
    const { reads, writes, groups } = KAFKA_ACCESS[principal];
    const topic = (key: TopicKey, operation: KafkaGrant['operation']): KafkaGrant => ({
      principal,
      resource: 'topic',
      name: topicPrefix + TOPICS[key],
      pattern: 'literal',
      operation,
    });
    for (const key of reads) grants.push(topic(key, 'Read'), topic(key, 'Describe'));
    for (const key of writes) grants.push(topic(key, 'Write'), topic(key, 'Describe'));
    for (const key of groups) {
      const name = consumerGroupId(groupPrefix, CONSUMER_GROUPS[key]);
      grants.push({ principal, resource: 'group', name, pattern: name.endsWith('.') ? 'prefixed' : 'literal', operation: 'Read' });
    }
  }
  return grants;
}

const OPERATIONS = { Read: AclOperationTypes.READ, Write: AclOperationTypes.WRITE, Describe: AclOperationTypes.DESCRIBE };

/** How long ensureAcls waits for the broker to apply the ACLs it was given. */
const ACLS_READY_TIMEOUT_MS = 30_000;

/**
 * Creates the grants' ACLs (adding an existing ACL is a no-op; needs a super user's client) and
 * returns once the broker enforces them all: a KRaft broker applies ACLs when the metadata log
 * reaches it, which can be hundreds of milliseconds after the controller accepted them.
 */
export async function ensureAcls(kafka: Kafka, grants: readonly KafkaGrant[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const acl = grants.map((grant) => ({
      principal: `User:${grant.principal}`,
      host: '*',
      resourceType: grant.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: grant.name,
      resourcePatternType: grant.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
      operation: OPERATIONS[grant.operation],
      permissionType: AclPermissionTypes.ALLOW,
    }));
    await admin.createAcls({ acl });
    const key = (a: { principal: string; resourceType: number; resourceName: string; resourcePatternType: number; operation: number }) =>
      `${a.principal} ${a.resourceType} ${a.resourcePatternType} ${a.resourceName} ${a.operation}`;
    const wanted = new Set(acl.map(key));
    const deadline = Date.now() + ACLS_READY_TIMEOUT_MS;
    for (;;) {
      // DescribeAcls is answered from the broker's own authorizer: what it lists, it enforces.
      const { resources } = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ALLOW,
      });
      const present = new Set(resources.flatMap((r) => r.acls.map((a) => key({ ...r, ...a }))));
      const missing = [...wanted].filter((k) => !present.has(k));
      if (missing.length === 0) return;
      if (Date.now() >= deadline) throw new Error(`ACLs not applied by the broker within ${ACLS_READY_TIMEOUT_MS} ms: ${missing.slice(0, 3).join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}
