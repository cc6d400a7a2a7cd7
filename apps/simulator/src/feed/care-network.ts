import type { InstitutionFacts } from '@lib/contracts';
import { ANKANG_COUNTIES, type Institution } from '@lib/registry';

/**
 * The Ankang demo network, indexed the way the feed asks for it: "a village clinic near this
 * resident", "a county hospital of that county", "a city hospital". Built from `ankangDemo()`
 * institutions so every id the feed sends is registered.
 */

/** A township or community centre (卫生院 / 社区卫生服务中心) and the clinics under it: a resident's home. */
export interface PrimaryCareArea {
  centre: InstitutionFacts;
  /** Village clinics (村卫生室) or community stations (社区卫生服务站) under the centre. */
  clinics: InstitutionFacts[];
}

export interface CountyNetwork {
  code: string;
  areas: PrimaryCareArea[];
  /** General county hospitals (县医院), the TCM hospital (中医医院) and the MCH hospital (妇幼保健院). */
  generalHospitals: InstitutionFacts[];
  tcmHospital?: InstitutionFacts;
  mchHospital?: InstitutionFacts;
}

export interface CareNetwork {
  counties: Map<string, CountyNetwork>;
  countyCodes: string[];
  /** 安康市 city hospitals (located in 汉滨区 610902). */
  cityHospitals: InstitutionFacts[];
  /** 陕西省人民医院 in Xi'an, for out-of-city referrals and visits. */
  provincialHospitals: InstitutionFacts[];
  /** Out-of-network settlement pseudo-institutions (医保结算), by region code. */
  outOfNetwork: Map<string, InstitutionFacts>;
  /** TCM hospitals (中医医院) of every level: most of their visits carry a TCM prescription. */
  tcmHospitalIds: Set<string>;
}

export const HOME_PROVINCE = '610000';
/** Where 安康 residents go outside the reporting network: elsewhere in 陕西, and the neighbours 湖北, 重庆, 四川, then 北京. */
export const OUT_OF_NETWORK_DESTINATIONS: Readonly<Record<string, number>> = {
  '610000': 0.45,
  '420000': 0.2,
  '500000': 0.15,
  '510000': 0.1,
  '110000': 0.1,
};

const facts = (i: Institution): InstitutionFacts => ({ id: i.id, county: i.county, type: i.type, level: i.level });

/**
 * `ankangNetworkInstitutions` lists each county's institutions centre first, then its clinics, so
 * a clinic belongs to the centre listed last before it (the demo's 医共体 layout).
 */
export function careNetwork(institutions: readonly Institution[]): CareNetwork {
  const counties = new Map<string, CountyNetwork>(ANKANG_COUNTIES.map((c) => [c.code, { code: c.code, areas: [], generalHospitals: [] }]));
  const network: CareNetwork = {
    counties,
    countyCodes: [...counties.keys()],
    cityHospitals: [],
    provincialHospitals: [],
    outOfNetwork: new Map(),
    tcmHospitalIds: new Set(),
  };
  for (const institution of institutions) {
    if (!institution.active) continue;
    const f = facts(institution);
    if (institution.name.includes('中医')) network.tcmHospitalIds.add(f.id);
    if (f.type === 'city_hospital') network.cityHospitals.push(f);
    else if (f.type === 'provincial_hospital') network.provincialHospitals.push(f);
    else if (f.type === 'out_of_network') network.outOfNetwork.set(f.county, f);
    const county = counties.get(f.county);
    if (county === undefined) continue;
    switch (f.type) {
      case 'township_health_center':
      case 'community_health_center':
        county.areas.push({ centre: f, clinics: [] });
        break;
      case 'village_clinic':
      case 'community_health_station':
        county.areas[county.areas.length - 1]?.clinics.push(f);
        break;
      case 'county_hospital':
        county.generalHospitals.push(f);
        break;
      case 'county_tcm_hospital':
        county.tcmHospital = f;
        break;
      case 'county_mch_hospital':
        county.mchHospital = f;
        break;
      case 'city_hospital':
      case 'provincial_hospital':
      case 'out_of_network':
        break; // above the county: filed before the county lookup
    }
  }
  for (const county of counties.values()) {
    if (county.areas.length === 0 || county.generalHospitals.length === 0) {
      throw new Error(`demo county ${county.code} has no primary-care centre or no county hospital`);
    }
  }
  return network;
}

/** Every county-level hospital of a county (general, TCM, MCH). */
export function countyHospitals(county: CountyNetwork): InstitutionFacts[] {
  return [...county.generalHospitals, ...(county.tcmHospital ? [county.tcmHospital] : []), ...(county.mchHospital ? [county.mchHospital] : [])];
}
