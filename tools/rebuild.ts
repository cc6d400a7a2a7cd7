/**
 * Rebuild and drift check of the indicator counters: recomputes every counter from the latest
 * version of every event in the ledger, with the same pure engine as the aggregator, and compares
 * the result with the stored values (indicator_counter_values). Safe while the aggregator runs (one consistent snapshot).
 *   node dist/tools/rebuild.js            report differences; exit 0 when none, 1 otherwise
 *   node dist/tools/rebuild.js --apply    also set the differing counters to the recomputed values
 *                                         (the aggregator waits meanwhile) and refresh them in Redis
 *   node dist/tools/rebuild.js --reseed-offsets [--force]
 *                                         after the broker's log of the canonical topic was replaced
 *                                         (broker data rebuilt, topic recreated) and the aggregator
 *                                         refuses its stored offsets: they start again at the log
 *                                         start, in the current cluster; then restart the aggregators.
 *                                         The ledger drops what was applied already, so nothing counts
 *                                         twice. Offsets the aggregator accepts are left alone (exit 1)
 *                                         unless --force.
 * Reads DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX (and KAFKA_* for --reseed-offsets) like the apps.
 */
import 'reflect-metadata';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { BaseEnvironment, validateEnvironment } from '@lib/config';
import { consumerGroupId, createKafkaClient, readTopicLog, TopicLog, TOPICS } from '@lib/kafka';
import { AGGREGATOR_GROUP } from '../apps/aggregator/src/consumption/canonical-events.consumer';
import { checkStoredOffsets, describeMismatches, StoredOffset } from '../apps/aggregator/src/offsets/stored-offsets';
import { ConsumerOffsetsRepository } from '../apps/aggregator/src/offsets/consumer-offsets.repository';
import { CounterRebuildStore, CounterDifference } from '../apps/aggregator/src/rebuild/counter-rebuild.store';
import { CounterRecomputation } from '../apps/aggregator/src/rebuild/recompute-counters';
import { LiveCountersCache } from '../apps/aggregator/src/live/live-counters.cache';

class RebuildEnvironment extends BaseEnvironment {
  override PORT: number = 1;
}

export interface RebuildReport {
  events: number;
  rebuilt: number;
  live: number;
  differences: CounterDifference[];
  applied: number;
  ms: number;
}

export async function rebuild(raw: Record<string, unknown>, apply: boolean): Promise<RebuildReport> {
  const env = validateEnvironment(RebuildEnvironment, raw);
  const started = Date.now();
  const client = new Client({ connectionString: env.DATABASE_URL, application_name: 'health-indicators-rebuild' });
  await client.connect();
  const store = new CounterRebuildStore(client);
  try {
    await store.begin(apply);
    const recomputation = new CounterRecomputation();
    for await (const chunk of store.latestVersions()) for (const event of chunk) recomputation.add(event);
    const rebuilt = recomputation.counters();
    await store.storeRebuilt(rebuilt);
    const differences = await store.differences();
    const live = await store.liveCount();
    const changed = apply && differences.length > 0 ? await store.applyDifferences() : [];
    await store.commit();
    if (changed.length > 0) await refreshCache(env, changed);
    return { events: recomputation.events, rebuilt: rebuilt.length, live, differences, applied: apply ? differences.length : 0, ms: Date.now() - started };
  } catch (error) {
    await store.rollback().catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function refreshCache(env: RebuildEnvironment, changed: Parameters<LiveCountersCache['write']>[0]): Promise<void> {
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await new LiveCountersCache(redis).write(changed);
  } finally {
    redis.disconnect();
  }
}

export interface ReseedReport {
  group: string;
  log: TopicLog;
  /** Why the aggregator refuses the stored offsets (empty: it accepts them). */
  refused: string;
  /** The rows as they were. */
  before: StoredOffset[];
  reseeded: boolean;
}

/**
 * Sets the aggregator group's stored offsets of the canonical topic to the broker's log start, in
 * its cluster — when the aggregator refuses them, or with `force`.
 */
export async function reseedOffsets(raw: Record<string, unknown>, force = false): Promise<ReseedReport> {
  const env = validateEnvironment(RebuildEnvironment, raw);
  const group = consumerGroupId(env.KAFKA_GROUP_PREFIX, AGGREGATOR_GROUP);
  const log = await readTopicLog(createKafkaClient(env, 'health-indicators-rebuild'), env.KAFKA_TOPIC_PREFIX + TOPICS.events);
  const pool = new Pool({ connectionString: env.DATABASE_URL, application_name: 'health-indicators-rebuild', max: 1 });
  try {
    const offsets = new ConsumerOffsetsRepository(pool);
    const stored = await offsets.loadTopic(group, log.topic);
    const refused = describeMismatches(checkStoredOffsets(stored, log).mismatches);
    if (refused === '' && !force) return { group, log, refused, before: stored, reseeded: false };
    const before = await offsets.reseed(group, log.topic, log);
    return { group, log, refused, before, reseeded: true };
  } finally {
    await pool.end();
  }
}

function describe(d: CounterDifference): string {
  return `${d.indicator} ${d.measure} ${d.level}:${d.region} ${d.period}${d.dims ? ` [${d.dims}]` : ''}: live ${d.live ?? 0}, rebuilt ${d.rebuilt ?? 0}`;
}

function reseedMain(out: (line: string) => void, force: boolean): void {
  reseedOffsets(process.env, force).then(
    ({ group, log, refused, before, reseeded }) => {
      out(`group ${group}, topic ${log.topic}, cluster ${log.clusterId}`);
      out(refused === '' ? 'the aggregator accepts the stored offsets' : `the aggregator refuses the stored offsets: ${refused}`);
      if (!reseeded) {
        out('nothing re-seeded (--force re-seeds anyway: the whole topic is read again, duplicates dropped by the ledger)');
        process.exit(1);
      }
      const stored = new Map(before.map((row) => [row.partition, row]));
      for (const p of log.partitions) {
        const row = stored.get(p.partition);
        out(`p${p.partition}: stored ${row ? `${row.nextOffset} (cluster ${row.clusterId ?? 'unrecorded'})` : 'none'} → ${p.start} (log ${p.start}..${p.end})`);
      }
      for (const row of before.filter((r) => !log.partitions.some((p) => p.partition === r.partition)))
        out(`p${row.partition}: stored ${row.nextOffset}, no such partition: removed`);
      out('offsets re-seeded: restart the aggregators');
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`[rebuild] re-seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}

if (require.main === module && process.argv.includes('--reseed-offsets')) {
  reseedMain((line) => process.stdout.write(`[rebuild] ${line}\n`), process.argv.includes('--force'));
} else if (require.main === module) {
  const apply = process.argv.includes('--apply');
  const out = (line: string) => process.stdout.write(`[rebuild] ${line}\n`);
  rebuild(process.env, apply).then(
    (report) => {
      out(`${report.events} events (latest versions), ${report.rebuilt} counters rebuilt, ${report.live} live non-zero counters, ${report.ms} ms`);
      for (const d of report.differences.slice(0, 200)) out(`differs: ${describe(d)}`);
      if (report.differences.length > 200) out(`... and ${report.differences.length - 200} more`);
      if (apply) out(`${report.applied} counters set to their rebuilt values`);
      out(report.differences.length === 0 ? 'no drift' : `${report.differences.length} counters differ`);
      process.exit(report.differences.length === 0 || apply ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`[rebuild] failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
