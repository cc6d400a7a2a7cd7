/**
 * Rebuild and drift check of the indicator counters: recomputes every counter from the latest
 * version of every event in the ledger, with the same pure engine as the aggregator, and compares
 * the result with indicator_counters. Safe while the aggregator runs (one consistent snapshot).
 *   node dist/tools/rebuild.js            report differences; exit 0 when none, 1 otherwise
 *   node dist/tools/rebuild.js --apply    also set the differing counters to the recomputed values
 *                                         (the aggregator waits meanwhile) and refresh them in Redis
 * Reads DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX like the apps.
 */
import 'reflect-metadata';
import Redis from 'ioredis';
import { Client } from 'pg';
import { BaseEnvironment, validateEnvironment } from '@lib/config';
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
    return { events: recomputation.events, rebuilt: rebuilt.length, live, differences, applied: changed.length, ms: Date.now() - started };
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

function describe(d: CounterDifference): string {
  return `${d.indicator} ${d.measure} ${d.level}:${d.region} ${d.period}${d.dims ? ` [${d.dims}]` : ''}: live ${d.live ?? 0}, rebuilt ${d.rebuilt ?? 0}`;
}

if (require.main === module) {
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
