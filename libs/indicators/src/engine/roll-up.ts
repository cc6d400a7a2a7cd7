import { Contribution } from '../indicator.types';

/** 610921 → 610900: a county's city (地级市). */
export function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** 610921 → 610000: a county's or city's province. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * A base-level contribution and its copies at every higher level: institution → its county →
 * PPCC00 → PP0000. Counters are kept per level and a higher-level rate is sum of numerators over
 * sum of denominators, so rolling up is adding the same delta to each ancestor — never averaging.
 */
export function rollUp(c: Contribution): Contribution[] {
  const out: Contribution[] = [c];
  const { county, ...rest } = c;
  let countyCode: string | undefined;
  switch (c.level) {
    case 'institution':
      if (!county) return out;
      countyCode = county;
      out.push({ ...rest, level: 'county', region: county });
      break;
    case 'county':
      countyCode = c.region;
      break;
    case 'city':
      out.push({ ...rest, level: 'province', region: provinceOf(c.region) });
      return out;
    case 'province':
      return out;
  }
  out.push({ ...rest, level: 'city', region: cityOf(countyCode) });
  out.push({ ...rest, level: 'province', region: provinceOf(countyCode) });
  return out;
}

export function rollUpAll(list: readonly Contribution[]): Contribution[] {
  return list.flatMap(rollUp);
}
