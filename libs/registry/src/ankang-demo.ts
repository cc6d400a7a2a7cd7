import { ANKANG_CITY, ANKANG_COUNTIES, ANKANG_PROVINCE, XIAN } from './ankang-counties.data';
import { ankangNetworkInstitutions } from './ankang-institutions';
import { ankangPopulations } from './ankang-populations';
import { outOfNetworkInstitution } from './out-of-network';
import type { PopulationRow } from './population-group';
import { MAINLAND_PROVINCES } from './provinces.data';
import type { Institution, Region, SupersededRegion } from './registry.types';
import { ANKANG_SUPERSEDED_REGIONS } from './superseded-regions';

export interface DemoDataSet {
  /** Parents before children, so the rows can be inserted in order. */
  regions: Region[];
  superseded: SupersededRegion[];
  institutions: Institution[];
  populations: PopulationRow[];
}

/**
 * The demo data set: 安康市 with its ten counties and their institutions, 陕西省人民医院 in Xi'an
 * for out-of-city referrals, an out-of-network settlement institution per mainland province, and
 * county populations for 2024–2026. Deterministic: the same on every call and every machine.
 */
export function ankangDemo(): DemoDataSet {
  const regions: Region[] = [
    ...MAINLAND_PROVINCES.map((p) => ({ ...p })),
    { code: ANKANG_CITY.code, name: ANKANG_CITY.name, level: 'city', parentCode: ANKANG_PROVINCE.code },
    ...ANKANG_COUNTIES.map((c): Region => ({ code: c.code, name: c.name, level: 'county', parentCode: ANKANG_CITY.code })),
    { code: XIAN.city.code, name: XIAN.city.name, level: 'city', parentCode: ANKANG_PROVINCE.code },
    { code: XIAN.county.code, name: XIAN.county.name, level: 'county', parentCode: XIAN.city.code },
  ];
  const outOfNetwork = MAINLAND_PROVINCES.map((p) => outOfNetworkInstitution(p, ANKANG_PROVINCE.code));
  return {
    regions,
    superseded: ANKANG_SUPERSEDED_REGIONS.map((s) => ({ ...s })),
    institutions: [...ankangNetworkInstitutions(), ...outOfNetwork],
    populations: ankangPopulations(),
  };
}
