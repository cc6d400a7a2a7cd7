import { INSTITUTION_TYPES, type CareLevel, type InstitutionType } from '@lib/contracts';

/**
 * Default level of care by institution type (CONTRACT.md, Administration). The level decides a
 * referral's direction (上转/下转) and whether a visit is primary care (基层).
 *
 * `out_of_network` (医保结算 visits outside the reporting network) defaults to 3: it must never
 * count as primary care (levels 1–2), it is never a referral party in practice, and settlement data
 * does not tell us the care level reliably. 3 is the neutral "hospital, not primary care" value;
 * an operator who knows better can register the institution with an explicit level.
 */
export const DEFAULT_CARE_LEVEL = {
  village_clinic: 1,
  community_health_station: 2,
  township_health_center: 2,
  community_health_center: 2,
  county_hospital: 3,
  county_tcm_hospital: 3,
  county_mch_hospital: 3,
  city_hospital: 4,
  provincial_hospital: 5,
  out_of_network: 3,
} as const satisfies Record<InstitutionType, CareLevel>;

export const CARE_LEVELS: readonly CareLevel[] = [1, 2, 3, 4, 5];

/** 基层: village clinics, township and community centres. */
export const PRIMARY_CARE_MAX_LEVEL = 2;

export function isInstitutionType(value: unknown): value is InstitutionType {
  return typeof value === 'string' && (INSTITUTION_TYPES as readonly string[]).includes(value);
}

export function isCareLevel(value: unknown): value is CareLevel {
  return typeof value === 'number' && (CARE_LEVELS as readonly number[]).includes(value);
}

export function defaultCareLevel(type: InstitutionType): CareLevel {
  return DEFAULT_CARE_LEVEL[type];
}

/** Whether a level of care is primary care (基层, levels 1–2). */
export function isPrimaryCareLevel(level: CareLevel): boolean {
  return level <= PRIMARY_CARE_MAX_LEVEL;
}
