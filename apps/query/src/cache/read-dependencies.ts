import type { IndicatorDefinition, RegionLevel } from '@lib/indicators';
import { countersReadFor, readsPopulation } from '@lib/indicator-readings';
import { parsePeriod, previousYearPeriod } from '@lib/periods';
import type { ReadDependencies } from './computed-reads';

/**
 * What an answer for `regions` × `periods` is made from: the counters the readings read, the same
 * periods a year earlier (change targets compare with them), and those periods' years (targets and
 * populations are per year).
 */
export function readDependencies(
  def: IndicatorDefinition,
  level: RegionLevel,
  regions: readonly string[],
  periods: readonly string[],
  dims: string,
): ReadDependencies {
  const previous = periods.map(previousYearPeriod);
  return {
    indicator: def.code,
    level,
    dims,
    regions,
    counters: [...countersReadFor(def, periods), ...countersReadFor(def, previous)],
    years: [...new Set([...periods, ...previous].map((period) => parsePeriod(period).year))],
    populations: readsPopulation(def),
  };
}
