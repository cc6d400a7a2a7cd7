import { BaseRegion, Contribution, ContributionSink, counterCellKey, counterStorageKeyInCell, Measure, regionsUpFrom, RegionLevel } from '@lib/indicators';
import { SummedCounter } from './counter-delta';

/** One base-level counter cell (indicator, base region, dims) of a transaction: its roll-up chain and its rows. */
interface Cell {
  /** The region and every region above it. */
  chain: ReadonlyArray<{ level: RegionLevel; region: string }>;
  /** The counter cell of each region of the chain (`counterCellKey`), the start of its counters' storage keys. */
  cellKeys: readonly string[];
  /** The rows a contribution of (measure, period) adds to, one per level of the chain. */
  rows: Map<Measure, Map<string, SummedCounter[]>>;
}

/**
 * What a transaction must add to the stored counters: base-level contributions rolled up to every
 * level and summed per storage key (the institution's county is not part of it). Summing as they
 * arrive keeps memory at one entry per counter row, however many events a transaction holds.
 * A contribution finds its rows through its cell (one string key for the periods of a day it is
 * given together), then by measure and period: those strings come from the catalogue and the
 * engine's per-day cache, so looking them up does not hash a new string.
 */
export class CounterSums implements ContributionSink {
  private readonly sums = new Map<string, SummedCounter>();
  private readonly cells = new Map<string, Cell>();
  /** Each base region's chain up to the province, computed once per transaction. */
  private readonly chains = new Map<string, Cell['chain']>();
  /** A sink that subtracts what it is given (a subject's contributions before a change). */
  readonly negated: ContributionSink = {
    addOnPeriods: (indicator, measure, base, dims, periods, delta) => this.addOnPeriods(indicator, measure, base, dims, periods, -delta),
  };

  static of(contributions: Iterable<Contribution>): CounterSums {
    const sums = new CounterSums();
    for (const c of contributions) sums.add(c);
    return sums;
  }

  /** Adds `c` (or subtracts it: `sign` −1) to its counter and every counter it rolls up to. */
  add(c: Contribution, sign: 1 | -1 = 1): void {
    this.addTo(this.cellOf(c.indicator, c, c.dims), c.indicator, c.measure, c.dims, c.period, sign * c.delta);
  }

  addOnPeriods(indicator: string, measure: Measure, base: BaseRegion, dims: string, periods: readonly string[], delta: number): void {
    const cell = this.cellOf(indicator, base, dims);
    for (const period of periods) this.addTo(cell, indicator, measure, dims, period, delta);
  }

  private addTo(cell: Cell, indicator: string, measure: Measure, dims: string, period: string, delta: number): void {
    let byPeriod = cell.rows.get(measure);
    if (!byPeriod) cell.rows.set(measure, (byPeriod = new Map<string, SummedCounter[]>()));
    let rows = byPeriod.get(period);
    if (!rows) byPeriod.set(period, (rows = this.rowsOf(cell, indicator, measure, dims, period)));
    for (let i = 0; i < rows.length; i++) rows[i].delta += delta;
  }

  private cellOf(indicator: string, base: BaseRegion, dims: string): Cell {
    // Not a counter key: the base region's cell plus the institution's county, which picks the chain.
    const key = `${indicator}\u0000${base.level}\u0000${base.region}\u0000${base.county ?? ''}\u0000${dims}`;
    let cell = this.cells.get(key);
    if (!cell) {
      const chain = this.chainOf(base);
      const cellKeys = chain.map(({ level, region }) => counterCellKey({ indicator, level, region, dims }));
      this.cells.set(key, (cell = { chain, cellKeys, rows: new Map() }));
    }
    return cell;
  }

  /** Once per cell, measure and period of a transaction; later contributions find the rows through the cell. */
  private rowsOf(cell: Cell, indicator: string, measure: Measure, dims: string, period: string): SummedCounter[] {
    return cell.chain.map(({ level, region }, i) => {
      const cellKey = cell.cellKeys[i];
      const key = counterStorageKeyInCell(cellKey, measure, period);
      let row = this.sums.get(key);
      if (!row) this.sums.set(key, (row = { cellKey, indicator, measure, level, region, period, dims, delta: 0 }));
      return row;
    });
  }

  private chainOf(base: BaseRegion): Cell['chain'] {
    const id = `${base.level}\u0000${base.region}\u0000${base.county ?? ''}`;
    let chain = this.chains.get(id);
    if (!chain) {
      chain = regionsUpFrom(base.level, base.region, base.county);
      this.chains.set(id, chain);
    }
    return chain;
  }

  /** The non-zero sums, one per counter, in no particular order. */
  nonZero(): SummedCounter[] {
    const rows: SummedCounter[] = [];
    for (const row of this.sums.values()) if (row.delta !== 0) rows.push(row);
    return rows;
  }
}
