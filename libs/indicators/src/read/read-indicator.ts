import { cstDayOf, firstPeriodOfYear, isInProgress, parsePeriod, previousYearPeriod, sameElapsedDaysYearBefore } from '@lib/periods';
import { IndicatorDefinition, Measure, MeasureRead } from '../indicator.types';
import { parseDims } from '../engine/dims';
import { CounterRow, CounterSource, counterSourceFromRows, storedCounterSource } from './counter-source';

/** Uploaded population of a region for a year (`PUT /v1/populations`), undefined when not uploaded. */
export type PopulationLookup = (group: string, year: number) => number | undefined;

export interface ReadOptions {
  /** Canonical dims of the cell being read ('' for undisaggregated indicators). */
  dims?: string;
  population?: PopulationLookup;
  /** Reading time; only growth reads need it, to compare a period in progress with the same elapsed days a year earlier. */
  asOf?: string | Date;
}

/**
 * One indicator cell. Rates: value = numerator/denominator (a fraction: 0.95 means 95%), null when
 * the denominator is zero or unknown. Counts: numerator = value = the count. Cost growth:
 * numerator = mean cost (yuan) in P, denominator = mean cost a year earlier, value = ratio − 1, and
 * `cases` the visits (admissions) with a cost behind each mean — how much the growth can be trusted.
 * Count growth: numerator = the count in P, denominator = the count a year earlier, value = ratio − 1.
 */
export interface IndicatorReading {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  cases?: { current: number; baseline: number };
}

function readMeasure(source: CounterSource, read: MeasureRead, period: string): number {
  const { granularity } = parsePeriod(period);
  switch (read.accumulate) {
    case 'period':
      return source.sum(read.measure, granularity, period, period);
    case 'to_date':
      return source.sum(read.measure, granularity, null, period);
    case 'year_to_date':
      return source.sum(read.measure, granularity, firstPeriodOfYear(period), period);
  }
}

/** `birth_cohort:{cohort}` with dims `cohort=2023;...` → `birth_cohort:2023`. */
export function populationGroup(template: string, dims: string): string | null {
  const values = parseDims(dims);
  let missing = false;
  const group = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (values[name] === undefined) missing = true;
    return values[name] ?? '';
  });
  return missing ? null : group;
}

const ratio = (n: number | null, d: number | null): number | null => (n === null || d === null || d === 0 ? null : n / d);

/** The value of an indicator for one region and period from its counters (shared by the query side and tests). */
export function readIndicator(def: IndicatorDefinition, period: string, counters: CounterSource, options: ReadOptions = {}): IndicatorReading {
  const p = parsePeriod(period);
  if (!def.periods.includes(p.granularity)) throw new Error(`${def.code} is not read at ${p.granularity} granularity`);
  const source = storedCounterSource(def, counters);
  const r = def.read;
  switch (r.kind) {
    case 'count': {
      const n = readMeasure(source, r.value, period);
      return { numerator: n, denominator: null, value: n };
    }
    case 'rate': {
      const numerator = readMeasure(source, r.numerator, period);
      let denominator: number | null;
      if ('measure' in r.denominator) denominator = readMeasure(source, r.denominator, period);
      else {
        const group = populationGroup(r.denominator.population, options.dims ?? '');
        denominator = group === null ? null : (options.population?.(group, p.year) ?? null);
      }
      const value = ratio(numerator, denominator);
      return { numerator, denominator, value: value === null || r.per === undefined ? value : value * r.per };
    }
    case 'mean_growth': {
      const mean = (sum: number, count: number): number | null => (count > 0 ? sum / count / 100 : null); // fen → yuan
      const currentCount = source.sum(r.count, p.granularity, period, period);
      const current = mean(source.sum(r.sum, p.granularity, period, period), currentCount);
      const baseline = { sum: yearBefore(source, r.sum, period, options.asOf), count: yearBefore(source, r.count, period, options.asOf) };
      const previous = mean(baseline.sum, baseline.count);
      const growth = ratio(current, previous);
      return {
        numerator: current,
        denominator: previous,
        value: growth === null ? null : growth - 1,
        cases: { current: currentCount, baseline: baseline.count },
      };
    }
    case 'count_growth': {
      const current = source.sum(r.value, p.granularity, period, period);
      const previous = yearBefore(source, r.value, period, options.asOf);
      const growth = ratio(current, previous);
      return { numerator: current, denominator: previous, value: growth === null ? null : growth - 1, cases: { current, baseline: previous } };
    }
  }
}

/**
 * A measure over the same period a year earlier; a period in progress at `asOf` over the same elapsed
 * days only (a week: the same weekdays of last year's same ISO week), from day counters.
 */
function yearBefore(source: CounterSource, measure: Measure, period: string, asOf: ReadOptions['asOf']): number {
  if (asOf !== undefined && isInProgress(period, asOf)) {
    const { from, to } = sameElapsedDaysYearBefore(period, cstDayOf(asOf));
    return source.sum(measure, 'day', from, to);
  }
  const before = previousYearPeriod(period);
  return source.sum(measure, parsePeriod(before).granularity, before, before);
}

/** Convenience over in-memory rows: `value(rows, indicator, period)` for one region and dims. */
export function readIndicatorFromRows(
  rows: readonly CounterRow[],
  def: IndicatorDefinition,
  period: string,
  cell: { level: CounterRow['level']; region: string } & ReadOptions,
): IndicatorReading {
  const dims = cell.dims ?? '';
  return readIndicator(def, period, counterSourceFromRows(rows, { indicator: def.code, level: cell.level, region: cell.region, dims }), { ...cell, dims });
}
