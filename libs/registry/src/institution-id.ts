import type { InstitutionType } from '@lib/contracts';

/**
 * Institution ids. The registry accepts any id an operator registers (hospitals often bring their
 * own codes), within a safe character set. The demo and the CLI mint ids by a convention that
 * reads at a glance: `<county>-<TYPE>-<seq>` (e.g. `610921-THC-001`), and `OON-<region>` for the
 * one out-of-network pseudo-institution per region (医保结算, see out-of-network.ts).
 */

/** Letters, digits, `.`, `_`, `-`; 1–64 characters; starts with a letter or digit. Mirrors the SQL check. */
export const INSTITUTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isInstitutionId(value: unknown): value is string {
  return typeof value === 'string' && INSTITUTION_ID_PATTERN.test(value);
}

export const INSTITUTION_TYPE_ABBREVIATIONS = {
  village_clinic: 'VC',
  community_health_station: 'CHS',
  township_health_center: 'THC',
  community_health_center: 'CHC',
  county_hospital: 'CH',
  county_tcm_hospital: 'TCM',
  county_mch_hospital: 'MCH',
  city_hospital: 'CITY',
  provincial_hospital: 'PROV',
  out_of_network: 'OON',
} as const satisfies Record<InstitutionType, string>;

const ABBREVIATION_TO_TYPE = new Map<string, InstitutionType>(
  Object.entries(INSTITUTION_TYPE_ABBREVIATIONS).map(([type, abbr]) => [abbr, type as InstitutionType]),
);

/** The conventional id `<county>-<ABBR>-<seq>`; seq is zero-padded to 3 digits and may grow past 999. */
export function conventionalInstitutionId(county: string, type: Exclude<InstitutionType, 'out_of_network'>, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  return `${county}-${INSTITUTION_TYPE_ABBREVIATIONS[type]}-${String(seq).padStart(3, '0')}`;
}

export function outOfNetworkInstitutionId(region: string): string {
  return `OON-${region}`;
}

export interface ConventionalInstitutionId {
  region: string;
  type: InstitutionType;
  /** Absent for out-of-network ids. */
  seq?: number;
}

const CONVENTIONAL = /^(\d{6})-([A-Z]+)-(\d{3,})$/;
const OUT_OF_NETWORK = /^OON-(\d{6})$/;

/** Reads a conventional id back, or `null` for ids registered under another scheme. */
export function parseConventionalInstitutionId(id: string): ConventionalInstitutionId | null {
  const oon = OUT_OF_NETWORK.exec(id);
  if (oon) return { region: oon[1], type: 'out_of_network' };
  const m = CONVENTIONAL.exec(id);
  if (!m) return null;
  const type = ABBREVIATION_TO_TYPE.get(m[2]);
  if (!type || type === 'out_of_network') return null;
  return { region: m[1], type, seq: Number(m[3]) };
}
