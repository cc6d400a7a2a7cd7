import type { PopulationLookup } from '@lib/indicators';
import type { PopulationRow, RegionDirectory } from '@lib/registry';

/**
 * Population denominators of a region: its uploaded figure, or else the sum of its counties'
 * (a city's residents are its counties' residents; bureaus usually upload per county).
 */
export function populationLookup(rows: readonly PopulationRow[], regions: RegionDirectory, region: string): PopulationLookup {
  const byKey = new Map(rows.map((row) => [`${row.region}|${row.year}|${row.group}`, row.count]));
  const counties = regions.descendantsAt(region, 'county').map((county) => county.code);
  return (group, year) => {
    const own = byKey.get(`${region}|${year}|${group}`);
    if (own !== undefined) return own;
    const parts = counties.map((county) => byKey.get(`${county}|${year}|${group}`)).filter((count) => count !== undefined);
    return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : undefined;
  };
}
