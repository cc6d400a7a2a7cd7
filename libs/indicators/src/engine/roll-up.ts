import { Contribution, RegionLevel } from '../indicator.types';

/** 610921 → 610900: a county's city (地级市). */
export function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** 610921 → 610000: a county's or city's province. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * A base-level region and every region above it: institution → its county → PPCC00 → PP0000.
 * `county` is the institution's county (an institution without one rolls up nowhere).
 */
export function regionsUpFrom(level: RegionLevel, region: string, county?: string): Array<{ level: RegionLevel; region: string }> {
  switch (level) {
    case 'institution':
      return county
        ? [
            { level, region },
            { level: 'county', region: county },
            { level: 'city', region: cityOf(county) },
            { level: 'province', region: provinceOf(county) },
          ]
        : [{ level, region }];
    case 'county':
      return [
        { level, region },
        { level: 'city', region: cityOf(region) },
        { level: 'province', region: provinceOf(region) },
      ];
    case 'city':
      return [
        { level, region },
        { level: 'province', region: provinceOf(region) },
      ];
    case 'province':
      return [{ level, region }];
  }
}

/**
 * A base-level contribution and its copies at every higher level. Counters are kept per level and a
 * higher-level rate is sum of numerators over sum of denominators, so rolling up is adding the same
 * delta to each ancestor — never averaging. Only the base copy keeps `county`.
 */
export function rollUp(c: Contribution): Contribution[] {
  const { county, ...rest } = c;
  return regionsUpFrom(c.level, c.region, county).map((at, i) => (i === 0 ? c : { ...rest, ...at }));
}

export function rollUpAll(list: readonly Contribution[]): Contribution[] {
  return list.flatMap(rollUp);
}
