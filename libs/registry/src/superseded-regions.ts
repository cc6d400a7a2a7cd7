import type { SupersededRegion } from './registry.types';

/**
 * Codes change when a county becomes a district or a county-level city, but hospital systems keep
 * sending the old code for years. The mapping is data (the `superseded_regions` table); this is the
 * part of it the demo needs. Add rows, never rewrite events: the code is mapped at the door.
 */
export const ANKANG_SUPERSEDED_REGIONS: readonly SupersededRegion[] = [
  // 旬阳县 became the county-level city 旬阳市 (撤县设市) in 2021.
  { oldCode: '610928', currentCode: '610981', oldName: '旬阳县', since: 2021 },
];

/**
 * Follows old → current, through chains (a code superseded twice), and returns the input when it
 * is not superseded. A cycle in the data is a data error, so it throws rather than loop or guess.
 */
export function currentRegionCode(code: string, superseded: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  let current = code;
  for (let next = superseded.get(current); next !== undefined; next = superseded.get(current)) {
    if (seen.has(current)) throw new Error(`superseded region codes form a cycle at ${current}`);
    seen.add(current);
    current = next;
  }
  return current;
}

/** old code → current code, as `currentRegionCode` wants it. */
export function supersededMap(rows: readonly SupersededRegion[]): Map<string, string> {
  return new Map(rows.map((r) => [r.oldCode, r.currentCode]));
}
