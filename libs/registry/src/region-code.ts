import type { RegionLevel } from './registry.types';

/**
 * GB/T 2260 administrative division codes, `PPCCDD`: PP province, CC city (prefecture), DD county.
 * Everything here follows from the shape of the code alone, so it works before (and without) a
 * registry lookup; the registry's stored parents are the authority once a region is registered.
 */

/** Province prefixes (PP) in GB/T 2260, including 71 Taiwan, 81 Hong Kong, 82 Macao. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * CC = 90 holds county-level units administered directly by the province (省直辖县级行政区划),
 * e.g. 429004 仙桃市, 419001 济源市, 469001 五指山市, 659001 石河子市. There is no city above them:
 * `PP9000` is only a heading in the official list, so their parent is the province.
 */
export const PROVINCE_ADMINISTERED_CITY_PART = '90';

const SIX_DIGITS = /^\d{6}$/;

export interface ParsedRegionCode {
  code: string;
  province: string;
  city: string;
  county: string;
  level: RegionLevel;
}

/** Parses a code, or `null` when it is not six digits or names no province. */
export function parseRegionCode(input: unknown): ParsedRegionCode | null {
  if (typeof input !== 'string' || !SIX_DIGITS.test(input)) return null;
  const province = input.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(province)) return null;
  const city = input.slice(2, 4);
  const county = input.slice(4, 6);
  // `PP00DD` (a county with no city part) does not occur in GB/T 2260.
  if (city === '00' && county !== '00') return null;
  const level: RegionLevel = city === '00' ? 'province' : county === '00' ? 'city' : 'county';
  return { code: input, province, city, county, level };
}

/** Whether the string is a well-formed region code (not whether it is registered). */
export function isRegionCode(input: unknown): input is string {
  return parseRegionCode(input) !== null;
}

function parsed(code: string): ParsedRegionCode {
  const p = parseRegionCode(code);
  if (!p) throw new RangeError(`not a GB/T 2260 region code: ${JSON.stringify(code)}`);
  return p;
}

/** province `PP0000`, city `PPCC00`, county otherwise. Throws on a malformed code. */
export function regionLevel(code: string): RegionLevel {
  return parsed(code).level;
}

/** The province code `PP0000` a code belongs to. */
export function provinceOf(code: string): string {
  return `${parsed(code).province}0000`;
}

/**
 * Structural parent: county → `PPCC00`, city → `PP0000`, province → `null`.
 * Province-administered counties (`PP90DD`) go straight to the province (see above).
 * Municipalities keep their structural grouping (110101 东城区 → 110100 市辖区 → 110000),
 * as the official list does, so a bureau token for 110100 still scopes correctly.
 */
export function structuralParent(code: string): string | null {
  const p = parsed(code);
  if (p.level === 'province') return null;
  if (p.level === 'city') return `${p.province}0000`;
  if (p.city === PROVINCE_ADMINISTERED_CITY_PART) return `${p.province}0000`;
  return `${p.province}${p.city}00`;
}

/** Ancestors nearest first: county → [city, province]; a province has none. */
export function structuralAncestors(code: string): string[] {
  const out: string[] = [];
  for (let p = structuralParent(code); p !== null; p = structuralParent(p)) out.push(p);
  return out;
}

/**
 * Whether `code` lies in `scope`'s subtree (a region is within itself). This is the bureau rule:
 * a county bureau reads its county, a city commission all its counties, a province everything in it.
 */
export function isWithinStructurally(code: string, scope: string): boolean {
  return code === scope || structuralAncestors(code).includes(scope);
}
