import { Granularity, parsePeriod } from '@lib/periods';
import type { CounterKey } from '../counter-key';
import { IndicatorDefinition, Measure, RegionLevel } from '../indicator.types';
import { storedGranularityOf, storedPeriodsOf } from '../stored-granularities';

/** A stored counter as the aggregator keeps it (one row per counter key). */
export interface CounterRow extends CounterKey {
  value: number;
}

/**
 * What reading needs from storage, for one (indicator, level, region, dims): the sum of a measure
 * over periods of one granularity between `from` and `to` inclusive (`from` null: since the
 * beginning). In SQL: `SUM(value) WHERE ... AND granularity = $g AND period <= $to [AND period >= $from]`
 * (period ids of one granularity sort as strings).
 */
export interface CounterSource {
  sum(measure: Measure, granularity: Granularity, from: string | null, to: string): number;
}

/** A CounterSource over in-memory rows (tests, and the query side if it fetched rows itself). */
export function counterSourceFromRows(
  rows: readonly CounterRow[],
  key: { indicator: string; level: RegionLevel; region: string; dims: string },
): CounterSource {
  const mine = rows.filter((r) => r.indicator === key.indicator && r.level === key.level && r.region === key.region && r.dims === key.dims);
  return {
    sum(measure, granularity, from, to) {
      let total = 0;
      for (const r of mine) {
        if (r.measure !== measure || parsePeriod(r.period).granularity !== granularity) continue;
        if (r.period <= to && (from === null || r.period >= from)) total += r.value;
      }
      return total;
    },
  };
}

/**
 * `source` read at the granularities `def` is stored at: a sum over quarters, years or weeks of an
 * indicator that adds up is the sum over their months or days (`storedGranularityOf`).
 */
export function storedCounterSource(def: IndicatorDefinition, source: CounterSource): CounterSource {
  return {
    sum(measure, granularity, from, to) {
      const stored = storedGranularityOf(def, granularity);
      if (stored === granularity) return source.sum(measure, granularity, from, to);
      return source.sum(measure, stored, from === null ? null : storedPeriodsOf(def, from).first, storedPeriodsOf(def, to).last);
    },
  };
}
