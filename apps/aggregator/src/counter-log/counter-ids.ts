import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { counterCellKey, type CounterKey, type Measure } from '@lib/indicators';
import type { AggregatorEnvironment } from '../aggregator.environment';

/** Ids by cell (`counterCellKey`), measure and period: the cell's and period's strings are shared by many counters. */
class IdGeneration {
  readonly cells = new Map<string, Map<Measure, Map<string, number>>>();
  size = 0;

  get(cellKey: string, measure: Measure, period: string): number | undefined {
    return this.cells.get(cellKey)?.get(measure)?.get(period);
  }

  set(cellKey: string, measure: Measure, period: string, id: number): void {
    let byMeasure = this.cells.get(cellKey);
    if (!byMeasure) this.cells.set(cellKey, (byMeasure = new Map<Measure, Map<string, number>>()));
    let byPeriod = byMeasure.get(measure);
    if (!byPeriod) byMeasure.set(measure, (byPeriod = new Map<string, number>()));
    if (!byPeriod.has(period)) this.size++;
    byPeriod.set(period, id);
  }
}

/**
 * The ids (`indicator_counters.id`, migration 1764000000780) of counters this process has seen
 * folded: the counter log names a counter by id when it is known here, by its key columns otherwise
 * (and the fold creates or finds its row by key). Learned from the fold's own answer, so knowing an
 * id costs no query; a live feed, whose events keep touching today's counters, soon names nearly all
 * of them by id. At most AGGREGATOR_COUNTER_IDS_CACHED (0: none, every change named by key), in two
 * generations: a hit in the older one moves to the newer, a full newer one retires the older.
 * Nested by cell, measure and period rather than keyed by one string per counter: 40–80 bytes a
 * counter (40 when a cell has many periods, 80 when few) instead of ~400.
 */
@Injectable()
export class CounterIds {
  private recent = new IdGeneration();
  private older = new IdGeneration();
  private readonly generationSize: number;

  constructor(config: ConfigService<AggregatorEnvironment, true>) {
    this.generationSize = Math.floor(config.get('AGGREGATOR_COUNTER_IDS_CACHED', { infer: true }) / 2);
  }

  /** The id of a counter of the cell `cellKey` (`counterCellKey`), if known. */
  idOf(cellKey: string, measure: Measure, period: string): number | undefined {
    const id = this.recent.get(cellKey, measure, period);
    if (id !== undefined) return id;
    const old = this.older.get(cellKey, measure, period);
    if (old !== undefined) this.remember(cellKey, measure, period, old);
    return old;
  }

  /** Remembers the ids a fold answered with, `ids[i]` being the id of `counters[i]`. */
  learn(counters: readonly CounterKey[], ids: readonly number[]): void {
    for (let i = 0; i < counters.length; i++) this.remember(counterCellKey(counters[i]), counters[i].measure, counters[i].period, ids[i]);
  }

  private remember(cellKey: string, measure: Measure, period: string, id: number): void {
    if (this.generationSize === 0) return;
    if (this.recent.size >= this.generationSize) {
      this.older = this.recent;
      this.recent = new IdGeneration();
    }
    this.recent.set(cellKey, measure, period, id);
  }
}
