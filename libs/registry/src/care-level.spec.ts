import { INSTITUTION_TYPES } from '@lib/contracts';
import { DEFAULT_CARE_LEVEL, defaultCareLevel, isCareLevel, isInstitutionType, isPrimaryCareLevel } from './care-level';
import { isPrimaryCare } from './institution-facts';

describe('care levels by institution type', () => {
  it.each([
    ['village_clinic', 1],
    ['community_health_station', 2],
    ['township_health_center', 2],
    ['community_health_center', 2],
    ['county_hospital', 3],
    ['county_tcm_hospital', 3],
    ['county_mch_hospital', 3],
    ['city_hospital', 4],
    ['provincial_hospital', 5],
    ['out_of_network', 3],
  ] as const)('%s defaults to level %i', (type, level) => {
    expect(defaultCareLevel(type)).toBe(level);
  });

  it('covers every contract type', () => {
    expect(Object.keys(DEFAULT_CARE_LEVEL).sort()).toEqual([...INSTITUTION_TYPES].sort());
  });

  it('counts levels 1–2 as primary care (基层) and nothing else', () => {
    expect([1, 2, 3, 4, 5].map((l) => isPrimaryCareLevel(l as 1))).toEqual([true, true, false, false, false]);
    expect(isPrimaryCare({ level: DEFAULT_CARE_LEVEL.out_of_network })).toBe(false);
    expect(isPrimaryCare({ level: DEFAULT_CARE_LEVEL.township_health_center })).toBe(true);
  });

  it('recognises types and levels', () => {
    expect(isInstitutionType('county_hospital')).toBe(true);
    expect(isInstitutionType('hospital')).toBe(false);
    expect(isCareLevel(3)).toBe(true);
    expect(isCareLevel(0)).toBe(false);
    expect(isCareLevel(2.5)).toBe(false);
    expect(isCareLevel('3')).toBe(false);
  });
});
