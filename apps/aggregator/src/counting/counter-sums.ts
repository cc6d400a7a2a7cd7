import { BaseRegion, Contribution, ContributionSink, counterCellKey, Measure, regionsUpFrom, RegionLevel } from '@lib/indicators';
import { SummedCounter } from './counter-delta';

/** A transaction's sums of one counter cell (indicator, region, dims) at any level, by measure and period. */
interface CellSums {
  cellKey: string;
  indicator: string;
  level: RegionLevel;
  region: string;
  dims: string;
  byMeasure: Map<Measure, Map<string, SummedCounter>>;
}

/** A region and every region above it (`regionsUpFrom`). */
type RegionChain = ReadonlyArray<{ level: RegionLevel; region: string }>;

/** What is summed in one (indicator, region, dims): base cells (few: one per level and county) and cells at any level. */
interface Place {
  baseCells: BaseCell[];
  sums: CellSums[];
}

/** One base-level counter cell (indicator, base region, dims) of a transaction: its roll-up chain and its rows. */
interface BaseCell {
  level: RegionLevel;
  /** The institution's county, which picks the chain. */
  county: string | undefined;
  /** The sums of the cell's region and of every region above it. */
  chain: CellSums[];
}

/**
 * What a transaction must add to the stored counters: base-level contributions rolled up to every
 * level and summed per counter (the institution's county is not part of it). Summing as they
 * arrive keeps memory at one entry per counter row, however many events a transaction holds.
 * A contribution finds its rows through maps keyed by strings it already has — indicator, region
 * and dims to its cell, then the catalogue's measure and the engine's per-day period — so adding
 * builds no key string (a string's hash is computed once and kept with it). A region's chain up to
 * the province is computed once per transaction, and each cell's key (`counterCellKey`) once.
 */
export class CounterSums implements ContributionSink {
  /** Every counter summed so far, once. */
  private readonly rows: SummedCounter[] = [];
  /** What is summed in each (indicator, region, dims), by those strings: its base cells and its cells at any level. */
  private readonly places = new Map<string, Map<string, Map<string, Place>>>();
  /** Each base region's chain up to the province, by region; those sharing a region differ by level or county. */
  private readonly chains = new Map<string, Array<{ level: RegionLevel; county: string | undefined; chain: RegionChain }>>();
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
    this.addTo(this.cellOf(c.indicator, c, c.dims), c.measure, c.period, sign * c.delta);
  }

  addOnPeriods(indicator: string, measure: Measure, base: BaseRegion, dims: string, periods: readonly string[], delta: number): void {
    const cell = this.cellOf(indicator, base, dims);
    for (let i = 0; i < periods.length; i++) this.addTo(cell, measure, periods[i], delta);
  }

  private addTo(cell: BaseCell, measure: Measure, period: string, delta: number): void {
    for (let i = 0; i < cell.chain.length; i++) this.rowOf(cell.chain[i], measure, period).delta += delta;
  }

  private cellOf(indicator: string, base: BaseRegion, dims: string): BaseCell {
    const cells = this.placeOf(indicator, base.region, dims).baseCells;
    for (let i = 0; i < cells.length; i++) if (cells[i].level === base.level && cells[i].county === base.county) return cells[i];
    const chain = this.chainOf(base).map(({ level, region }) => this.cellSumsOf(indicator, level, region, dims));
    const cell: BaseCell = { level: base.level, county: base.county, chain };
    cells.push(cell);
    return cell;
  }

  private placeOf(indicator: string, region: string, dims: string): Place {
    let byRegion = this.places.get(indicator);
    if (!byRegion) this.places.set(indicator, (byRegion = new Map<string, Map<string, Place>>()));
    let byDims = byRegion.get(region);
    if (!byDims) byRegion.set(region, (byDims = new Map<string, Place>()));
    let place = byDims.get(dims);
    if (!place) byDims.set(dims, (place = { baseCells: [], sums: [] }));
    return place;
  }

  /** Once per base cell and level of a transaction; institutions of one county share its cells. */
  private cellSumsOf(indicator: string, level: RegionLevel, region: string, dims: string): CellSums {
    const all = this.placeOf(indicator, region, dims).sums;
    for (let i = 0; i < all.length; i++) if (all[i].level === level) return all[i];
    const sums: CellSums = { cellKey: counterCellKey({ indicator, level, region, dims }), indicator, level, region, dims, byMeasure: new Map() };
    all.push(sums);
    return sums;
  }

  private chainOf(base: BaseRegion): RegionChain {
    let chains = this.chains.get(base.region);
    if (!chains) this.chains.set(base.region, (chains = []));
    for (let i = 0; i < chains.length; i++) if (chains[i].level === base.level && chains[i].county === base.county) return chains[i].chain;
    const chain = regionsUpFrom(base.level, base.region, base.county);
    chains.push({ level: base.level, county: base.county, chain });
    return chain;
  }

  private rowOf(sums: CellSums, measure: Measure, period: string): SummedCounter {
    let byPeriod = sums.byMeasure.get(measure);
    if (!byPeriod) sums.byMeasure.set(measure, (byPeriod = new Map<string, SummedCounter>()));
    let row = byPeriod.get(period);
    if (!row) {
      const { cellKey, indicator, level, region, dims } = sums;
      byPeriod.set(period, (row = { cellKey, indicator, measure, level, region, period, dims, delta: 0 }));
      this.rows.push(row);
    }
    return row;
  }

  /** The non-zero sums, one per counter, in no particular order. */
  nonZero(): SummedCounter[] {
    return this.rows.filter((row) => row.delta !== 0);
  }
}
