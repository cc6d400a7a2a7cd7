import type { InstitutionType } from '@lib/contracts';
import { ANKANG_CITY_HOSPITALS, ANKANG_COUNTIES, COMMUNITY_NAME_STEMS, VILLAGE_NAME_STEMS, XIAN, type AnkangCountySeed } from './ankang-counties.data';
import { DEFAULT_CARE_LEVEL } from './care-level';
import { conventionalInstitutionId } from './institution-id';
import type { Institution } from './registry.types';
import { randomInt, sampleDistinct, seededRandom } from './seeded-random';

type NetworkType = Exclude<InstitutionType, 'out_of_network'>;

/** Mints `<county>-<TYPE>-<seq>` ids with one running sequence per county and type. */
class CountyInstitutions {
  readonly list: Institution[] = [];
  private readonly seq = new Map<NetworkType, number>();

  constructor(private readonly county: string) {}

  add(type: NetworkType, name: string): void {
    const seq = (this.seq.get(type) ?? 0) + 1;
    this.seq.set(type, seq);
    const id = conventionalInstitutionId(this.county, type, seq);
    this.list.push({ id, name, county: this.county, type, level: DEFAULT_CARE_LEVEL[type], active: true });
  }
}

/**
 * One county's network, as a county medical community (县域医共体) looks: county hospitals at the
 * top, a community centre with its stations in the urban area, a township centre per town, and
 * 8–15 village clinics under each township centre. The seed is the county and town, so adding a
 * county never reshuffles another's villages.
 */
function countyNetwork(c: AnkangCountySeed): Institution[] {
  const out = new CountyInstitutions(c.code);
  for (const name of c.hospitals.general) out.add('county_hospital', name);
  out.add('county_tcm_hospital', c.hospitals.tcm);
  out.add('county_mch_hospital', c.hospitals.mch);

  for (const unit of c.urban) {
    out.add('community_health_center', `${c.name}${unit}社区卫生服务中心`);
    const random = seededRandom(`${c.code}:${unit}`);
    for (const stem of sampleDistinct(random, COMMUNITY_NAME_STEMS, randomInt(random, 2, 4))) {
      out.add('community_health_station', `${c.name}${unit}${stem}社区卫生服务站`);
    }
  }

  for (const town of c.towns) {
    const central = town.endsWith('*');
    const townName = central ? town.slice(0, -1) : town;
    out.add('township_health_center', `${c.name}${townName}${central ? '中心卫生院' : '卫生院'}`);
    const random = seededRandom(`${c.code}:${townName}`);
    for (const stem of sampleDistinct(random, VILLAGE_NAME_STEMS, randomInt(random, 8, 15))) {
      out.add('village_clinic', `${c.name}${townName}${stem}村卫生室`);
    }
  }
  return out.list;
}

/** Every reporting institution of the demo: the ten counties, the city hospitals, and the referral target in Xi'an. */
export function ankangNetworkInstitutions(): Institution[] {
  const city = new CountyInstitutions(ANKANG_CITY_HOSPITALS.county);
  for (const name of ANKANG_CITY_HOSPITALS.names) city.add('city_hospital', name);
  const province = new CountyInstitutions(XIAN.county.code);
  for (const name of XIAN.provincialHospitals) province.add('provincial_hospital', name);
  return [...ANKANG_COUNTIES.flatMap(countyNetwork), ...city.list, ...province.list];
}
