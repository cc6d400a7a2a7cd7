/**
 * Pseudonym-secret rotation: brings every stored pseudonym to the newest key of ingest's key chain
 * (docs/privacy.md, "Rotating the secret"), without the clear ID numbers, which are never stored.
 * Run with ingest's environment (PSEUDONYM_SECRET, PSEUDONYM_KEY_ID, PSEUDONYM_PREVIOUS_KEYS,
 * DATABASE_URL, KAFKA_*), with ingest and the aggregators stopped:
 *   node dist/tools/rekey-pseudonyms.js          re-key; exit 0 done (or nothing to do), 1 refused
 *   node dist/tools/rekey-pseudonyms.js --check  count the stored pseudonyms per key; exit 1 if any
 *                                                carries an earlier key (a re-key is due)
 * It refuses while a member of the aggregator's or ingest's consumer group runs, while canonical
 * events wait unapplied (they carry the earlier key), and while pseudonyms of a key outside the chain
 * are stored (they could not be brought forward). Everything happens in one transaction.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { validateEnvironment } from '@lib/config';
import { CATALOGUE, personPartsOfSubjects, subjectKeyPart } from '@lib/indicators';
import { consumerGroupId, createKafkaClient, readTopicLog, TOPICS } from '@lib/kafka';
import { AGGREGATOR_GROUP } from '../apps/aggregator/src/consumption/canonical-events.consumer';
import { ConsumerOffsetsRepository } from '../apps/aggregator/src/offsets/consumer-offsets.repository';
import { IngestEnvironment } from '../apps/ingest/src/ingest.environment';
import { RAW_DOOR_GROUP } from '../apps/ingest/src/raw-door/raw-events.door';
import { pseudonymKeyChain } from '../apps/ingest/src/privacy/pseudonym-keys';
import { Pseudonymiser } from '../apps/ingest/src/privacy/pseudonymiser';
import { KeyCensus, PseudonymRekeyStore, RekeyedPseudonym, RewrittenRows } from './rekey/pseudonym-rekey.store';

export class RekeyRefused extends Error {}

export interface RekeyReport {
  keyId: string;
  fromKeyIds: string[];
  before: KeyCensus;
  after: KeyCensus;
  people: number;
  rows: RewrittenRows;
  ms: number;
}

const APPLICATION = 'health-indicators-rekey';

/** Why the pipeline is not quiet enough to re-key: consumers running, or canonical events not yet applied. */
async function notQuiet(env: IngestEnvironment, pool: Pool): Promise<string[]> {
  const kafka = createKafkaClient(env, APPLICATION);
  const aggregatorGroup = consumerGroupId(env.KAFKA_GROUP_PREFIX, AGGREGATOR_GROUP);
  const groups = [aggregatorGroup, consumerGroupId(env.KAFKA_GROUP_PREFIX, RAW_DOOR_GROUP)];
  const admin = kafka.admin();
  await admin.connect();
  const problems: string[] = [];
  try {
    for (const group of (await admin.describeGroups(groups)).groups) {
      if (group.members.length > 0)
        problems.push(`consumer group ${group.groupId} has ${group.members.length} running member(s): stop ingest and the aggregators`);
    }
  } finally {
    await admin.disconnect();
  }
  const log = await readTopicLog(kafka, env.KAFKA_TOPIC_PREFIX + TOPICS.events);
  const stored = new Map(
    (await new ConsumerOffsetsRepository(pool).loadTopic(aggregatorGroup, log.topic)).map((row) => [row.partition, BigInt(row.nextOffset)]),
  );
  const waiting = log.partitions.filter((p) => (stored.get(p.partition) ?? BigInt(p.start)) < BigInt(p.end));
  if (waiting.length > 0) {
    problems.push(`canonical events wait unapplied on ${waiting.map((p) => `p${p.partition}`).join(', ')}: let the aggregators catch up before stopping them`);
  }
  return problems;
}

export async function rekeyPseudonyms(raw: Record<string, unknown>, checkOnly = false): Promise<RekeyReport> {
  const started = Date.now();
  const env = validateEnvironment(IngestEnvironment, raw);
  const pseudonymiser = new Pseudonymiser(pseudonymKeyChain(env));
  const pool = new Pool({ connectionString: env.DATABASE_URL, application_name: APPLICATION, max: 1 });
  try {
    if (!checkOnly) {
      const problems = await notQuiet(env, pool);
      if (problems.length > 0) throw new RekeyRefused(problems.join('; '));
    }
    const client = await pool.connect();
    const store = new PseudonymRekeyStore(client);
    try {
      const report = await rekeyInTransaction(store, pseudonymiser, checkOnly);
      return { ...report, ms: Date.now() - started };
    } catch (error) {
      await store.rollback().catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

async function rekeyInTransaction(store: PseudonymRekeyStore, pseudonymiser: Pseudonymiser, checkOnly: boolean): Promise<Omit<RekeyReport, 'ms'>> {
  await store.begin(personPartsOfSubjects(CATALOGUE), !checkOnly);
  const before = await store.census();
  const chain = [...pseudonymiser.earlierKeyIds, pseudonymiser.currentKeyId];
  const unknown = Object.keys(before).filter((id) => id !== 'none' && !chain.includes(id));
  if (unknown.length > 0) {
    throw new RekeyRefused(
      `pseudonyms of key(s) ${unknown.join(', ')} are stored, which PSEUDONYM_PREVIOUS_KEYS does not hold: add them (oldest first) and run again`,
    );
  }
  const stale = pseudonymiser.earlierKeyIds.filter((id) => (before[id] ?? 0) > 0);
  const report = {
    keyId: pseudonymiser.currentKeyId,
    fromKeyIds: stale,
    before,
    after: before,
    people: 0,
    rows: { ledgerRows: 0, versionRows: 0, memberRows: 0, mergedSubjects: 0 },
  };
  if (checkOnly || stale.length === 0) {
    await store.rollback();
    return report;
  }
  for await (const chunk of store.pseudonymsOf(stale)) {
    await store.stage(chunk.map((old) => rekeyedPseudonym(pseudonymiser, old)));
    report.people += chunk.length;
  }
  report.rows = await store.rewrite(stale);
  const left = await store.remaining(stale);
  if (left.ledger + left.versions + left.members > 0) throw new Error(`re-key incomplete, rolled back: ${JSON.stringify(left)} rows still hold an earlier key`);
  await store.record(report.keyId, stale, report.people, report.rows);
  report.after = await store.census();
  await store.commit();
  return report;
}

function rekeyedPseudonym(pseudonymiser: Pseudonymiser, old: string): RekeyedPseudonym {
  const rekeyed = pseudonymiser.rekeyed(old);
  if (rekeyed === undefined) throw new Error('a stored pseudonym of a key of the chain could not be re-keyed'); // selected by key id: cannot happen
  return { old, new: rekeyed, oldPart: subjectKeyPart(old), newPart: subjectKeyPart(rekeyed) };
}

const census = (c: KeyCensus) =>
  Object.entries(c)
    .map(([key, n]) => `${key === 'none' ? 'not a pseudonym' : key}: ${n}`)
    .join(', ') || 'no person ids';

if (require.main === module) {
  const checkOnly = process.argv.includes('--check');
  const out = (line: string) => process.stdout.write(`[rekey] ${line}\n`);
  rekeyPseudonyms(process.env, checkOnly).then(
    (report) => {
      out(`ledger rows per key before: ${census(report.before)}`);
      if (checkOnly) {
        out(
          report.fromKeyIds.length === 0
            ? `every stored pseudonym carries ${report.keyId}`
            : `a re-key is due: pseudonyms of ${report.fromKeyIds.join(', ')} are stored`,
        );
        process.exit(report.fromKeyIds.length === 0 ? 0 : 1);
      }
      if (report.people === 0) out(`nothing to re-key: every stored pseudonym carries ${report.keyId}`);
      else {
        const { ledgerRows, versionRows, memberRows, mergedSubjects } = report.rows;
        out(
          `${report.people} people re-keyed ${report.fromKeyIds.join(', ')} → ${report.keyId}: ${ledgerRows} ledger rows, ${versionRows} event versions, ${memberRows} subject members, ${report.ms} ms`,
        );
        out(`ledger rows per key after: ${census(report.after)}`);
        if (mergedSubjects > 0)
          out(
            `${mergedSubjects} subjects were also stored under ${report.keyId} (events applied under an earlier key after the rotation): run node dist/tools/rebuild.js --apply`,
          );
      }
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`[rekey] ${error instanceof RekeyRefused ? 'refused' : 'failed'}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof RekeyRefused ? 1 : 2);
    },
  );
}
