import { Contribution, regionsUpFrom, RegionLevel } from '@lib/indicators';
import { CounterDelta } from './counter-delta';

/**
 * What a transaction must add to the stored counters: base-level contributions rolled up to every
 * level and summed per storage key (the institution's county is not part of it). Summing as they
 * arrive keeps memory at one entry per counter row, however many events a transaction holds.
 */
export class CounterSums {
  private readonly sums = new Map<string, CounterDelta>();
  /** Each base region's chain up to the province, with its key part, computed once per transaction. */
  private readonly chains = new Map<string, Array<{ level: RegionLevel; region: string; keyPart: string }>>();

  static of(contributions: Iterable<Contribution>): CounterSums {
    const sums = new CounterSums();
    for (const c of contributions) sums.add(c);
    return sums;
  }

  add(c: Contribution): void {
    const rest = `\u0000${c.dims}\u0000${c.measure}\u0000${c.period}`;
    for (const { level, region, keyPart } of this.chainOf(c)) {
      // counterStorageKey's fields and order, built inline: this runs ~100 times per event.
      const key = c.indicator + keyPart + rest;
      const seen = this.sums.get(key);
      if (seen) seen.delta += c.delta;
      else this.sums.set(key, { indicator: c.indicator, measure: c.measure, level, region, period: c.period, dims: c.dims, delta: c.delta });
    }
  }

  private chainOf(c: Contribution): Array<{ level: RegionLevel; region: string; keyPart: string }> {
    const id = `${c.level}\u0000${c.region}\u0000${c.county ?? ''}`;
    let chain = this.chains.get(id);
    if (!chain) {
      chain = regionsUpFrom(c.level, c.region, c.county).map(({ level, region }) => ({ level, region, keyPart: `\u0000${level}\u0000${region}` }));
      this.chains.set(id, chain);
    }
    return chain;
  }

  /**
   * The non-zero sums in storage-key order: every transaction writes (and row-locks) shared
   * counters — the city and province rows every county's batch touches — in the same order, which
   * rules out deadlocks between concurrent transactions.
   */
  sorted(): CounterDelta[] {
    return [...this.sums]
      .filter(([, row]) => row.delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
}
