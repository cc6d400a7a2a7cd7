import { Contribution, regionsUpFrom, RegionLevel } from '@lib/indicators';
import { CounterDelta } from './counter-delta';

/**
 * What a transaction must add to the stored counters: base-level contributions rolled up to every
 * level and summed per storage key (the institution's county is not part of it). Summing as they
 * arrive keeps memory at one entry per counter row, however many events a transaction holds.
 */
export class CounterSums {
  private readonly sums = new Map<string, CounterDelta>();
  /** The rows a base-level contribution adds to (its own and every level above), by its merge key. */
  private readonly rollUps = new Map<string, CounterDelta[]>();
  /** Each base region's chain up to the province, with its key part, computed once per transaction. */
  private readonly chains = new Map<string, Array<{ level: RegionLevel; region: string; keyPart: string }>>();

  static of(contributions: Iterable<Contribution>): CounterSums {
    const sums = new CounterSums();
    for (const c of contributions) sums.add(c);
    return sums;
  }

  /** Adds `c` (or subtracts it: `sign` −1) to its counter and every counter it rolls up to. */
  add(c: Contribution, sign: 1 | -1 = 1): void {
    // One key and one lookup per contribution; the four rolled-up rows are found once per key.
    const key = `${c.indicator}\u0000${c.level}\u0000${c.region}\u0000${c.county ?? ''}\u0000${c.dims}\u0000${c.measure}\u0000${c.period}`;
    let rows = this.rollUps.get(key);
    if (!rows) this.rollUps.set(key, (rows = this.rowsOf(c)));
    const delta = sign * c.delta;
    for (const row of rows) row.delta += delta;
  }

  private rowsOf(c: Contribution): CounterDelta[] {
    const rest = `\u0000${c.dims}\u0000${c.measure}\u0000${c.period}`;
    return this.chainOf(c).map(({ level, region, keyPart }) => {
      // counterStorageKey's fields and order, built inline.
      const key = c.indicator + keyPart + rest;
      let row = this.sums.get(key);
      if (!row) this.sums.set(key, (row = { indicator: c.indicator, measure: c.measure, level, region, period: c.period, dims: c.dims, delta: 0 }));
      return row;
    });
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

  /** The non-zero sums, one per counter, in no particular order. */
  nonZero(): CounterDelta[] {
    const rows: CounterDelta[] = [];
    for (const row of this.sums.values()) if (row.delta !== 0) rows.push(row);
    return rows;
  }
}
