import fs from 'node:fs';

/** Resident set size of a process in MiB (Linux /proc), or undefined once it has gone. */
export function residentMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; for "memory stays flat" figures. */
export class MemorySampler {
  readonly samples: { atMs: number; mib: number }[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(pid: number | undefined, everyMs = 1000) {
    this.timer = setInterval(() => {
      const mib = residentMiB(pid);
      if (mib !== undefined) this.samples.push({ atMs: performance.now() - this.started, mib });
    }, everyMs);
  }

  stop(): { peak: number; first: number; last: number } {
    clearInterval(this.timer);
    const values = this.samples.map((s) => s.mib);
    return { peak: Math.max(0, ...values), first: values[0] ?? 0, last: values[values.length - 1] ?? 0 };
  }
}
