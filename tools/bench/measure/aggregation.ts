import { Pool } from 'pg';
import { AppProcess, sleep } from '../../lib/app-process';
import { ComponentCpu, ComponentCpuMeter } from './component-cpu';
import { MemorySampler } from './process-memory';

export interface AggregationResult {
  eventsPerSecond: number;
  seconds: number;
  memory: { peak: number; first: number; last: number };
  /** CPU seconds per part of the stack from the first commit to the last. */
  cpu: ComponentCpu;
  /** Share of the counter changes the (first) aggregator appended naming their counter by id. */
  counterChangesById: number;
}

/**
 * Starts `instances` aggregators (one consumer group) on a topic already holding `total` messages
 * and times them from the first committed transaction until the offsets stored in PostgreSQL (with
 * the results) reach the end. Memory is the first instance's.
 */
export async function aggregationThroughput(env: Record<string, string>, port: number, total: number, instances = 1): Promise<AggregationResult> {
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const applied = () => appliedMessages(pool, env);

  const aggregators = Array.from({ length: instances }, (_, i) => new AppProcess('aggregator', port + i, env));
  await Promise.all(aggregators.map((a) => a.start(120_000)));
  const memory = new MemorySampler(aggregators[0].pid);
  const meter = new ComponentCpuMeter(pool, new URL(env.DATABASE_URL).pathname.slice(1), () => aggregators.map((a) => a.pid));
  let cpuAtStart = new Map<string, number>();
  let startedAt = 0;
  let startedFrom = 0;
  let done: number;
  try {
    for (;;) {
      done = await applied();
      if (startedAt === 0 && done > 0) {
        [startedAt, startedFrom] = [performance.now(), done];
        cpuAtStart = await meter.snapshot();
      }
      if (done >= total) break;
      for (const aggregator of aggregators) {
        if (aggregator.pid === undefined || !(await aggregator.healthy())) throw new Error(`aggregator stopped:\n${aggregator.logs.slice(-2000)}`);
      }
      await sleep(200);
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = ComponentCpuMeter.between(cpuAtStart, await meter.snapshot());
    const counterChangesById = await shareNamedById(aggregators[0].url);
    return { eventsPerSecond: (total - startedFrom) / Math.max(seconds, 0.001), seconds, memory: memory.stop(), cpu, counterChangesById };
  } finally {
    memory.stop();
    await Promise.all(aggregators.map((a) => a.stop()));
    await pool.end();
  }
}

/** From the aggregator's /metrics: counter changes named by id over all it appended. */
async function shareNamedById(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  // Every series also carries the app's default labels: match `named` anywhere among them.
  const named = (how: string) => Number(new RegExp(`^aggregator_counter_changes_total\\{[^}]*named="${how}"[^}]*\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? 0);
  const [byId, byKey] = [named('id'), named('key')];
  return byId + byKey === 0 ? 0 : byId / (byId + byKey);
}

/** Messages the aggregator group has applied: the sum of the next offsets stored with the results. */
async function appliedMessages(pool: Pool, env: Record<string, string>): Promise<number> {
  const group = `${env.KAFKA_GROUP_PREFIX}.aggregator`;
  const { rows } = await pool.query<{ n: string }>('SELECT coalesce(sum(next_offset), 0) AS n FROM consumer_offsets WHERE group_id = $1', [group]);
  return Number(rows[0].n);
}

export interface RestartResult {
  /** Messages applied (stored offsets) when the process was killed: the state a restart must recover. */
  appliedAtKill: number;
  /** From SIGKILL to the first transaction committed by the new process. */
  resumeSeconds: number;
  /** Of which: until the new process answered /health. */
  startSeconds: number;
}

/**
 * SIGKILLs an aggregator once `killAt` messages are applied, starts a new one at once (what an
 * orchestrator does) and times how long until it commits again, then lets it finish the topic.
 */
export async function restartAfterKill(env: Record<string, string>, port: number, total: number, killAt: number): Promise<RestartResult> {
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const applied = () => appliedMessages(pool, env);
  const aggregator = new AppProcess('aggregator', port, env);
  try {
    await aggregator.start(120_000);
    while ((await applied()) < killAt) await sleep(100);
    await aggregator.kill();
    const killedAt = performance.now();
    const appliedAtKill = await applied();
    await aggregator.start(120_000);
    const startSeconds = (performance.now() - killedAt) / 1000;
    while ((await applied()) === appliedAtKill) await sleep(50);
    const resumeSeconds = (performance.now() - killedAt) / 1000;
    while ((await applied()) < total) await sleep(200);
    return { appliedAtKill, resumeSeconds, startSeconds };
  } finally {
    await aggregator.stop();
    await pool.end();
  }
}
