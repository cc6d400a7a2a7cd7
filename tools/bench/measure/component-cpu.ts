import fs from 'node:fs';
import type { Pool } from 'pg';
import { cpuSeconds } from './process-cpu';

/** CPU seconds used by each part of the stack over a measured interval. */
export interface ComponentCpu {
  aggregator: number;
  /** The PostgreSQL backends serving the benchmark's database (the aggregator's pool and the fold). */
  postgresBackends: number;
  /** WAL writer, checkpointer, background writer: shared with whatever else runs on the box. */
  postgresBackground: number;
  kafka: number;
  redis: number;
}

/**
 * Snapshots the CPU time of the aggregator processes, the PostgreSQL backends connected to `database`,
 * PostgreSQL's background processes, the Kafka broker and Redis; `since(before)` gives the interval's
 * share. Backends that end during the interval take their CPU with them, so pools must stay open.
 */
export class ComponentCpuMeter {
  constructor(
    private readonly pool: Pool,
    private readonly database: string,
    private readonly aggregatorPids: () => Array<number | undefined>,
  ) {}

  async snapshot(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ pid: number; datname: string | null; backend_type: string }>(
      'SELECT pid, datname, backend_type FROM pg_stat_activity WHERE pid <> pg_backend_pid()',
    );
    const cpu = new Map<string, number>();
    const add = (part: keyof ComponentCpu, pid: number | undefined) => {
      const seconds = safeCpuSeconds(pid);
      if (seconds !== undefined) cpu.set(`${part}:${pid}`, seconds);
    };
    for (const pid of this.aggregatorPids()) add('aggregator', pid);
    for (const row of rows) {
      if (row.backend_type === 'client backend' && row.datname === this.database) add('postgresBackends', row.pid);
      else if (['walwriter', 'checkpointer', 'background writer'].includes(row.backend_type)) add('postgresBackground', row.pid);
    }
    for (const pid of processesMatching((cmdline) => cmdline.includes('kafka.Kafka'))) add('kafka', pid);
    for (const pid of processesMatching((cmdline) => cmdline.startsWith('redis-server'))) add('redis', pid);
    return cpu;
  }

  /** CPU seconds per component between two snapshots (processes present in both). */
  static between(before: Map<string, number>, after: Map<string, number>): ComponentCpu {
    const totals: ComponentCpu = { aggregator: 0, postgresBackends: 0, postgresBackground: 0, kafka: 0, redis: 0 };
    for (const [key, seconds] of after) {
      const part = key.slice(0, key.indexOf(':')) as keyof ComponentCpu;
      totals[part] += seconds - (before.get(key) ?? 0);
    }
    return totals;
  }
}

function safeCpuSeconds(pid: number | undefined): number | undefined {
  try {
    return cpuSeconds(pid);
  } catch {
    return undefined;
  }
}

function processesMatching(test: (cmdline: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (test(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
