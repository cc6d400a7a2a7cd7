import { IndicatorDefinition, storedPeriodsOf } from '@lib/indicators';
import { Granularity, granularityOf, parsePeriod, previousYearPeriod } from '@lib/periods';

/** The counters of one granularity from `from` (null: the first) to `to`, both included. */
export interface CounterRange {
  granularity: Granularity;
  from: string | null;
  to: string;
}

/**
 * The counter rows a read of `periods` (one granularity) needs: everything up to the latest, since
 * cumulative reads need the past, at the granularity the indicator stores them (a year's months for
 * one that adds up, `storedPeriodsOf`); growth also the same elapsed days a year earlier, from day
 * counters. The one definition of what a value depends on: the reads use it, and so does whatever
 * must know which changes touch a value (the query app's computed-reads cache, the stream).
 */
export function countersReadFor(def: IndicatorDefinition, periods: readonly string[]): CounterRange[] {
  const latest = periods.reduce((a, b) => (a > b ? a : b));
  const { lastDay } = parsePeriod(latest);
  const stored = storedPeriodsOf(def, latest);
  const ranges: CounterRange[] = [{ granularity: stored.granularity, from: null, to: stored.last }];
  if (def.read.kind === 'mean_growth' || def.read.kind === 'count_growth') {
    const earliest = periods.reduce((a, b) => (a < b ? a : b));
    ranges.push({ granularity: 'day', from: parsePeriod(previousYearPeriod(earliest)).firstDay, to: lastDay });
  }
  return ranges;
}

/**
 * Whether a counter of `period` lies in the range. Period ids of one granularity share one fixed
 * shape, so their text order is their time order (as in the SQL that reads the ranges).
 */
export function rangeIncludes(range: CounterRange, period: string): boolean {
  return granularityOf(period) === range.granularity && period <= range.to && (range.from === null || period >= range.from);
}

/** Whether the indicator's denominator is an uploaded population (read per year beside the counters). */
export function readsPopulation(def: IndicatorDefinition): boolean {
  return def.read.kind === 'rate' && 'population' in def.read.denominator;
}
