import type { IndicatorDefinition, IndicatorReading } from '@lib/indicators';
import type { Observation, ObservedValue, Share } from './target.types';

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
    baselineCases: def.read.kind === 'mean_growth' ? (reading.cases?.baseline ?? 0) : null,
    previousYear: previousYear && observed(def, previousYear, 'baseline'),
  };
}

function observed(def: IndicatorDefinition, reading: IndicatorReading, role: 'current' | 'baseline'): ObservedValue {
  switch (def.read.kind) {
    case 'rate':
      return { value: reading.value, cases: reading.denominator, share: def.unit === 'percent' ? shareOf(reading) : null };
    case 'mean_growth':
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
