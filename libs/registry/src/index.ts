/**
 * Regions and institutions registry, the pure part: GB/T 2260 codes, superseded codes, care levels,
 * institution ids and registration rules, population groups, and the 安康 demo data set.
 * No Nest, no I/O; the repositories that read `regions`, `institutions`, … build on these.
 */
export type {
  CareLevel,
  InstitutionFacts,
  InstitutionType,
  Institution,
  IssuedApiKey,
  IssuedBureauToken,
  Region,
  RegionLevel,
  SupersededRegion,
} from './registry.types';
export { REGION_LEVELS } from './registry.types';
export type { ParsedRegionCode } from './region-code';
export {
  PROVINCE_ADMINISTERED_CITY_PART,
  isRegionCode,
  isWithinStructurally,
  parseRegionCode,
  provinceOf,
  regionLevel,
  structuralAncestors,
  structuralParent,
} from './region-code';
export { ANKANG_SUPERSEDED_REGIONS, currentRegionCode, supersededMap } from './superseded-regions';
export { RegionDirectory } from './region-directory';
export { CARE_LEVELS, DEFAULT_CARE_LEVEL, PRIMARY_CARE_MAX_LEVEL, defaultCareLevel, isCareLevel, isInstitutionType, isPrimaryCareLevel } from './care-level';
export type { ConventionalInstitutionId } from './institution-id';
export {
  INSTITUTION_ID_PATTERN,
  INSTITUTION_TYPE_ABBREVIATIONS,
  conventionalInstitutionId,
  isInstitutionId,
  outOfNetworkInstitutionId,
  parseConventionalInstitutionId,
} from './institution-id';
export { institutionFacts, isPrimaryCare } from './institution-facts';
export type { InstitutionRegistration, RegistrationProblem, RegistrationResult } from './institution-registration';
export { checkInstitutionRegistration } from './institution-registration';
export { outOfNetworkInstitution } from './out-of-network';
export type { RegionProblem, RegionRegistration, RegionsCheck, SupersededCheck, SupersededRegistration } from './region-registration';
export { checkRegionRegistrations, checkSupersededRegistrations, regionFromRegistration } from './region-registration';
export type { BirthCohortGroup, FixedPopulationGroup, PopulationGroup, PopulationRow } from './population-group';
export { FIXED_POPULATION_GROUPS, birthCohortGroup, birthCohortYear, isPopulationGroup } from './population-group';
export { MAINLAND_PROVINCES } from './provinces.data';
export type { DemoDataSet } from './ankang-demo';
export { ankangDemo } from './ankang-demo';
export { ANKANG_CITY, ANKANG_COUNTIES, ANKANG_PROVINCE } from './ankang-counties.data';
export { DEMO_POPULATION_YEARS } from './ankang-populations';
export { randomInt, sampleDistinct, seededRandom } from './seeded-random';
export { validationLookups } from './validation-lookups';
