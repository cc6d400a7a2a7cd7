import { LRUCache } from 'lru-cache';
import { counterCellKey, type RegionLevel } from '@lib/indicators';
import { CounterRange, IndicatorChange, rangeIncludes } from '@lib/indicator-readings';

/**
 * What a computed answer was made from, so that exactly the changes touching it drop it: the cells
 * (indicator, level, dims, regions), the counter periods read, and the years whose targets and (when
 * `populations`) uploaded populations were used.
 */
export interface ReadDependencies {
  indicator: string;
  level: RegionLevel;
  dims: string;
  regions: readonly string[];
  counters: readonly CounterRange[];
  years: readonly number[];
  populations: boolean;
}

/** A read to make on a miss: what it depends on (known before it runs) and how to compute it. */
export interface PlannedRead<T> {
  dependsOn: ReadDependencies;
  compute: () => Promise<T>;
}

/** A change of targets: every target of an indicator, year and dims (fields left out: all of them). */
export interface TargetsChange {
  indicator?: string;
  year?: number;
  dims?: string;
}

export type ReadOutcome = 'hit' | 'miss' | 'joined';
export type InvalidationCause = 'counters' | 'targets' | 'populations' | 'all';

export interface ComputedReadsOptions {
  maxEntries: number;
  /** Bound on the answers' serialised size plus their index, in bytes. */
  maxBytes: number;
  /** Longest life of an answer: what time alone changes (pro-rata targets, periods in progress) is at most this old. */
  ttlMs: number;
  onRead?: (outcome: ReadOutcome) => void;
  onInvalidated?: (cause: InvalidationCause, answers: number) => void;
  /** After a store or an invalidation: the entries and bytes held (for gauges). */
  onResized?: (entries: number, bytes: number) => void;
  /** The clock of the TTL (tests move it). */
  perf?: { now(): number };
}

interface Entry {
  value: unknown;
  dependsOn: ReadDependencies;
}

interface Pending {
  promise: Promise<unknown>;
  dependsOn: ReadDependencies;
  /** A change it depends on arrived while it ran: its answer goes to its own callers only, never into the cache. */
  invalidated: boolean;
  generation: number;
}

/** Bytes per region an entry is indexed under (the index's Map and Set slots). */
const INDEX_BYTES_PER_REGION = 64;

/**
 * Computed answers (value, target, status, asOf) by normalised request, bounded (entries, bytes, LRU)
 * and invalidated by what they were made from. A miss computes once for every caller that arrives
 * while it runs; a change arriving meanwhile keeps that answer out of the cache and lets later
 * callers compute afresh, so no read that starts after a change is invalidated gets an answer from
 * before it. Answers are stored only while the sources of invalidation are live (`storing`).
 */
export class ComputedReads {
  private readonly answers: LRUCache<string, Entry>;
  /** `indicator|level|dims|region` → keys of the answers that read that cell. */
  private readonly byCell = new Map<string, Set<string>>();
  private readonly pending = new Map<string, Pending>();
  /** Grows at every clear: computations begun before one are not stored. */
  private generation = 0;
  private storing = false;

  constructor(private readonly options: ComputedReadsOptions) {
    this.answers = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => sizeOf(entry),
      ttl: options.ttlMs,
      updateAgeOnGet: false,
      dispose: (entry, key) => this.unindex(key, entry.dependsOn),
      ...(options.perf ? { perf: options.perf } : {}),
    });
  }

  get size(): number {
    return this.answers.size;
  }

  /** The answer for `key`: cached, being computed, or computed now from `plan()`. */
  read<T>(key: string, plan: () => PlannedRead<T>): Promise<T> {
    const cached = this.answers.get(key);
    if (cached) {
      this.options.onRead?.('hit');
      return Promise.resolve(cached.value as T);
    }
    const running = this.pending.get(key);
    if (running) {
      this.options.onRead?.('joined');
      return running.promise as Promise<T>;
    }
    this.options.onRead?.('miss');
    const { dependsOn, compute } = plan();
    const pending: Pending = { promise: Promise.resolve(), dependsOn, invalidated: false, generation: this.generation };
    const promise = (async () => {
      try {
        const value = await compute();
        if (this.storing && !pending.invalidated && pending.generation === this.generation) this.store(key, deepFreeze(value), dependsOn);
        return value;
      } finally {
        if (this.pending.get(key) === pending) this.pending.delete(key);
      }
    })();
    pending.promise = promise;
    this.pending.set(key, pending);
    return promise;
  }

  /** The cached answer for `key` (a hit), or undefined without computing anything. */
  cached<T>(key: string): T | undefined {
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    this.options.onRead?.('hit');
    return entry.value as T;
  }

  /** Whether answers are kept: only while every change that could touch them is being heard. Stopping clears. */
  setStoring(storing: boolean): void {
    if (!storing) this.clear();
    this.storing = storing;
  }

  /** Drops the answers that read a changed counter: the change's cell, a period within what was read. */
  invalidateCounters(changes: readonly IndicatorChange[]): number {
    const periodsByCell = new Map<string, string[]>();
    for (const change of changes) {
      const cell = counterCellKey(change);
      const periods = periodsByCell.get(cell);
      if (periods) periods.push(change.period);
      else periodsByCell.set(cell, [change.period]);
    }
    const reads = (dependsOn: ReadDependencies, periods: readonly string[]) =>
      periods.some((period) => dependsOn.counters.some((range) => rangeIncludes(range, period)));
    const stale = new Set<string>();
    for (const [cell, periods] of periodsByCell) {
      for (const key of this.byCell.get(cell) ?? []) {
        const entry = this.answers.peek(key, { allowStale: true });
        if (entry && reads(entry.dependsOn, periods)) stale.add(key);
      }
    }
    this.invalidatePending((d) =>
      d.regions.some((region) => {
        const periods = periodsByCell.get(counterCellKey({ ...d, region }));
        return periods !== undefined && reads(d, periods);
      }),
    );
    return this.drop(stale, 'counters');
  }

  invalidateTargets(change: TargetsChange): number {
    return this.invalidateWhere(
      'targets',
      (d) =>
        (change.indicator === undefined || d.indicator === change.indicator) &&
        (change.dims === undefined || d.dims === change.dims) &&
        (change.year === undefined || d.years.includes(change.year)),
    );
  }

  invalidatePopulations(year: number | undefined): number {
    return this.invalidateWhere('populations', (d) => d.populations && (year === undefined || d.years.includes(year)));
  }

  clear(): void {
    const answers = this.answers.size;
    this.generation += 1;
    this.answers.clear();
    this.byCell.clear();
    this.pending.clear();
    this.options.onInvalidated?.('all', answers);
    this.resized();
  }

  /** Rare changes (targets, populations): a scan of every answer. */
  private invalidateWhere(cause: InvalidationCause, touches: (dependsOn: ReadDependencies) => boolean): number {
    const stale = new Set<string>();
    for (const [key, entry] of this.answers.entries()) if (touches(entry.dependsOn)) stale.add(key);
    this.invalidatePending(touches);
    return this.drop(stale, cause);
  }

  private invalidatePending(touches: (dependsOn: ReadDependencies) => boolean): void {
    for (const [key, pending] of this.pending) {
      if (!touches(pending.dependsOn)) continue;
      pending.invalidated = true;
      this.pending.delete(key);
    }
  }

  private drop(keys: ReadonlySet<string>, cause: InvalidationCause): number {
    if (keys.size === 0) return 0;
    for (const key of keys) this.answers.delete(key);
    this.options.onInvalidated?.(cause, keys.size);
    this.resized();
    return keys.size;
  }

  private store(key: string, value: unknown, dependsOn: ReadDependencies): void {
    const entry: Entry = { value, dependsOn };
    if (sizeOf(entry) > this.options.maxBytes) return;
    this.answers.set(key, entry);
    // After set: replacing an entry disposes the old one, which unindexes the key.
    for (const region of dependsOn.regions) {
      const cell = counterCellKey({ ...dependsOn, region });
      const keys = this.byCell.get(cell);
      if (keys) keys.add(key);
      else this.byCell.set(cell, new Set([key]));
    }
    this.resized();
  }

  private resized(): void {
    this.options.onResized?.(this.answers.size, this.answers.calculatedSize);
  }

  private unindex(key: string, dependsOn: ReadDependencies): void {
    for (const region of dependsOn.regions) {
      const cell = counterCellKey({ ...dependsOn, region });
      const keys = this.byCell.get(cell);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byCell.delete(cell);
    }
  }
}

const sizes = new WeakMap<Entry, number>();

/** Approximate: the answer's JSON length plus its index slots (computed once per entry). */
function sizeOf(entry: Entry): number {
  let size = sizes.get(entry);
  if (size === undefined) {
    size = JSON.stringify(entry.value).length + entry.dependsOn.regions.length * INDEX_BYTES_PER_REGION;
    sizes.set(entry, size);
  }
  return size;
}

/** Cached answers are shared by every caller: frozen, so no caller can change another's. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
