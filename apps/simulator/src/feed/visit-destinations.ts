import type { InstitutionFacts } from '@lib/contracts';
import { countyHospitals, OUT_OF_NETWORK_DESTINATIONS } from './care-network';
import { DAY_MS } from './cst-time';
import type { FeedContext } from './feed-context';
import type { Resident } from './synthetic-population';

/**
 * Where residents go for care (就医流向). Steady shares, per residence county:
 * - in the county (县域内) about 90% — the national 县域就诊率 goal — lower in 宁陕 (close to
 *   西安 on the highway) and 镇坪 (remote; people cross into 重庆), higher in 汉滨 where the city
 *   hospitals stand (a 汉滨 resident at 安康市中心医院 is still in the county);
 * - within the county: village clinics ~32%, township/community centres ~33%, county hospitals ~35%
 *   (general 70%, TCM 20%, MCH 10%), so primary care (基层) is about two thirds of outpatient care;
 * - outside: city hospitals 55%, another 安康 county 15%, the provincial hospital in 西安 10%,
 *   out-of-network settlement (医保结算: elsewhere in 陕西, 湖北, 重庆, 四川, 北京) 20%.
 */
export const STEADY_IN_COUNTY_SHARE: Readonly<Record<string, number>> = {
  '610902': 0.94,
  '610921': 0.9,
  '610922': 0.89,
  '610923': 0.86,
  '610924': 0.9,
  '610925': 0.9,
  '610926': 0.89,
  '610927': 0.87,
  '610929': 0.88,
  '610981': 0.91,
};

const IN_COUNTY_LEVELS = { village: 0.32, centre: 0.33, countyHospital: 0.35 } as const;
/** 汉滨 residents have the city hospitals at home: a fifth of their in-county care is there. */
const HANBIN_IN_COUNTY_LEVELS = { village: 0.28, centre: 0.3, countyHospital: 0.22, city: 0.2 } as const;
const OUTSIDE = { city: 0.55, otherCounty: 0.15, provincial: 0.1, outOfNetwork: 0.2 } as const;
const HANBIN_OUTSIDE = { otherCounty: 0.3, provincial: 0.25, outOfNetwork: 0.45 } as const;
const COUNTY_HOSPITAL_KIND = { general: 0.7, tcm: 0.2, mch: 0.1 } as const;

/** Share of a county's residents' visits made inside the county at a stream instant (scenario applied). */
export function inCountyShare(ctx: FeedContext, county: string, atMs: number): number {
  const steady = STEADY_IN_COUNTY_SHARE[county] ?? 0.9;
  const scenario = ctx.options.scenario;
  if (scenario.kind !== 'county-decline' || scenario.county !== county) return steady;
  const days = Math.max(0, atMs - ctx.options.startMs) / DAY_MS;
  return scenario.floorShare + (steady - scenario.floorShare) * Math.exp(-days / scenario.timeConstantDays);
}

export function visitDestination(ctx: FeedContext, resident: Resident, atMs: number): InstitutionFacts {
  const { random } = ctx;
  // 汉滨区 is where the city hospitals stand (安康市中心医院 and the rest).
  const isHanbin = ctx.network.cityHospitals.some((h) => h.county === resident.county);
  if (random.chance(inCountyShare(ctx, resident.county, atMs))) {
    const where = random.weighted<string>(isHanbin ? HANBIN_IN_COUNTY_LEVELS : IN_COUNTY_LEVELS);
    if (where === 'city') return random.pick(ctx.network.cityHospitals);
    return inCounty(ctx, resident, where as keyof typeof IN_COUNTY_LEVELS);
  }
  const where = random.weighted<string>(isHanbin ? HANBIN_OUTSIDE : OUTSIDE);
  switch (where) {
    case 'city':
      return random.pick(ctx.network.cityHospitals);
    case 'provincial':
      return random.pick(ctx.network.provincialHospitals);
    case 'outOfNetwork':
      return ctx.network.outOfNetwork.get(random.weighted(OUT_OF_NETWORK_DESTINATIONS)) as InstitutionFacts;
    default: {
      const others = ctx.network.countyCodes.filter((c) => c !== resident.county);
      const county = ctx.network.counties.get(random.pick(others));
      if (county === undefined) throw new Error('unreachable: county list and network disagree');
      // Across a county line people go to the hospital or a market-town centre, rarely a village clinic.
      return random.chance(0.75) ? random.pick(countyHospitals(county)) : random.pick(county.areas).centre;
    }
  }
}

function inCounty(ctx: FeedContext, resident: Resident, where: keyof typeof IN_COUNTY_LEVELS): InstitutionFacts {
  const { random } = ctx;
  const county = ctx.network.counties.get(resident.county);
  if (county === undefined) throw new Error(`no network for county ${resident.county}`);
  if (where === 'village') return resident.clinic ?? resident.area.centre;
  // Most go to their own centre; some to the central township (中心卫生院) or one nearer work.
  if (where === 'centre') return random.chance(0.85) ? resident.area.centre : random.pick(county.areas).centre;
  const kind = random.weighted(COUNTY_HOSPITAL_KIND);
  if (kind === 'tcm' && county.tcmHospital) return county.tcmHospital;
  if (kind === 'mch' && county.mchHospital) return county.mchHospital;
  return random.pick(county.generalHospitals);
}
