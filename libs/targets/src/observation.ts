import type { IndicatorDefinition, IndicatorReading } from '@lib/indicators';
import type { Accrual, Observation, ObservedValue, Share } from './target.types';

/**
 * What a target judges in a reading of `def`: the value, the cases it rests on, and whether it is a
 * share of them. Rates: the denominator (a `percent` rate is a share: the numerator counts some of the
 * denominator's cases). Counts: no minimum on the count itself (a county with 3 referrals against "at
 * least 100" is behind, not unknown), but as last year's baseline a count is its own cases. Cost growth:
 * the visits (admissions) behind this period's mean and behind the baseline's.
 */
export function observe(def: IndicatorDefinition, reading: IndicatorReading, previousYear: IndicatorReading | null = null): Observation {
  return {
    ...observed(def, reading, 'current'),
    baselineCases: def.read.kind === 'mean_growth' || def.read.kind === 'count_growth' ? (reading.cases?.baseline ?? 0) : null,
    previousYear: previousYear && observed(def, previousYear, 'baseline'),
    accrual: accrualOf(def),
  };
}

/**
 * A rate accrues over its year when its numerator grows within the year (year to date, or counted in the
 * period) over a denominator that does not (an uploaded population, patients registered to date):
 * standard management, screening coverage. A share of the period's own cases (县域就诊率) does not.
 */
export function accrualOf(def: IndicatorDefinition): Accrual | null {
  const read = def.read;
  if (read.kind !== 'rate') return null;
  const fixedDenominator = 'population' in read.denominator || read.denominator.accumulate === 'to_date';
  if (!fixedDenominator) return null;
  if (read.numerator.accumulate === 'year_to_date') return 'year';
  return read.numerator.accumulate === 'period' ? 'period' : null;
}

function observed(def: IndicatorDefinition, reading: IndicatorReading, role: 'current' | 'baseline'): ObservedValue {
  switch (def.read.kind) {
    case 'rate':
      return { value: reading.value, cases: reading.denominator, share: def.unit === 'percent' ? shareOf(reading) : null };
    case 'mean_growth':
    case 'count_growth':
      return { value: reading.value, cases: reading.cases?.current ?? 0, share: null };
    case 'count':
      return { value: reading.value, cases: role === 'baseline' ? reading.value : null, share: null };
  }
}

/** A share only when it is one: a population denominator may be stale and smaller than the count. */
function shareOf({ numerator, denominator }: IndicatorReading): Share | null {
  if (numerator === null || denominator === null || denominator <= 0 || numerator < 0 || numerator > denominator) return null;
  return { successes: numerator, trials: denominator };
}

/** Why an observation rests on too few cases to judge (this period's, or a cost growth's baseline), or null. */
export function tooFewCases(observation: Observation, minimum: number): 'small_denominator' | 'small_baseline' | null {
  if (observation.cases !== null && observation.cases < minimum) return 'small_denominator';
  if (observation.baselineCases !== null && observation.baselineCases < minimum) return 'small_baseline';
  return null;
}

/**
 * Whether a reading rests on fewer cases than the indicator's minimum — with or without a target: a
 * village clinic at 100% on one visit is not the best of a ranking.
 */
export function belowMinimumOfCases(def: IndicatorDefinition, reading: IndicatorReading): boolean {
  return reading.value !== null && tooFewCases(observe(def, reading), def.minDenominator) !== null;
}
