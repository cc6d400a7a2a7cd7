import type { ChronicCondition, InstitutionFacts, Person, Sex } from '@lib/contracts';
import { ANKANG_COUNTIES, ANKANG_SUPERSEDED_REGIONS } from '@lib/registry';
import type { CareNetwork, PrimaryCareArea } from './care-network';
import { ageOn, cstDate, DAY_MS } from './cst-time';
import type { FeedRandom } from './feed-random';
import { dosesAlreadyGiven } from './immunisation-schedule';
import { ResidentIdMint } from './resident-ids';

/**
 * A synthetic resident population (常住人口) per county, scaled down from the demo's 2020 figures.
 * People carry what the event families need: sex and birth date (cohorts, 35–64 women, 65+), a
 * home area (their township/community centre and village clinic), chronic conditions and whether
 * they are low-income (脱贫/低收入), plus the state the feed moves forward (registrations, contract,
 * next vaccine dose).
 */

export interface Resident {
  id: string;
  sex: Sex;
  birthDate: string;
  /** Current county code of residence. */
  county: string;
  area: PrimaryCareArea;
  clinic?: InstitutionFacts;
  conditions: ChronicCondition[];
  lowIncome: boolean;
  /** Some patients stay controlled, some never do: a per-person tendency makes control rates stable. */
  controlTendency: number;
  // --- state the feed moves forward ---
  registered: ChronicCondition[];
  contract?: { teamId: string; signedAtMs: number };
  /** Index of the next dose in the immunisation schedule (children only). */
  nextDose: number;
}

export interface CountyPopulation {
  county: string;
  residents: Resident[];
  /** Children who have not finished the schedule (newborns are added as the feed runs). */
  children: Resident[];
  patients: Resident[];
  /** Patients with at least one registered condition (在管患者). */
  registeredPatients: Resident[];
  /** Residents with a family-doctor contract (签约居民). */
  contracted: Resident[];
}

/** Age bands of 安康's residents (an ageing, out-migrating population: few young adults stay). */
const AGE_BANDS: readonly { from: number; to: number; share: number }[] = [
  { from: 0, to: 6, share: 0.06 },
  { from: 7, to: 17, share: 0.12 },
  { from: 18, to: 34, share: 0.18 },
  { from: 35, to: 64, share: 0.47 },
  { from: 65, to: 95, share: 0.17 },
];

/**
 * Prevalence of managed chronic disease among adults (陕南 rural figures, rounded): hypertension
 * about a quarter of those 35+, diabetes about 8%, severe mental disorder about 0.5% of all adults.
 */
const PREVALENCE = { hypertension: 0.25, diabetes: 0.08, smd: 0.005 } as const;
const LOW_INCOME_SHARE = 0.12;
/** 旬阳 became 610981 in 2021; people registered before keep ID numbers starting 610928. */
const XUNYANG = ANKANG_SUPERSEDED_REGIONS[0];

export function syntheticPopulation(
  network: CareNetwork,
  scale: number,
  asOfMs: number,
  random: FeedRandom,
  mint: ResidentIdMint,
): Map<string, CountyPopulation> {
  const asOf = cstDate(asOfMs);
  const populations = new Map<string, CountyPopulation>();
  for (const seed of ANKANG_COUNTIES) {
    const county = network.counties.get(seed.code);
    if (county === undefined) continue;
    const size = Math.max(20, Math.round(seed.residents2020 * scale));
    const population: CountyPopulation = { county: seed.code, residents: [], children: [], patients: [], registeredPatients: [], contracted: [] };
    for (let i = 0; i < size; i++) {
      const birthDate = randomBirthDate(random, asOfMs);
      const resident = newResident(random, mint, seed.code, county.areas, birthDate, asOf);
      population.residents.push(resident);
      if (ageOn(birthDate, asOf) < 7) {
        resident.nextDose = dosesAlreadyGiven(Math.round((asOfMs - Date.parse(`${birthDate}T00:00:00+08:00`)) / DAY_MS));
        population.children.push(resident);
      }
      if (resident.conditions.length > 0) population.patients.push(resident);
    }
    populations.set(seed.code, population);
  }
  return populations;
}

/** A resident born on `birthDate`; also used for the newborns the feed adds as it runs. */
export function newResident(
  random: FeedRandom,
  mint: ResidentIdMint,
  county: string,
  areas: readonly PrimaryCareArea[],
  birthDate: string,
  asOf: string,
): Resident {
  const sex: Sex = random.chance(0.51) ? 'M' : 'F';
  const area = random.pick(areas);
  const idArea = county === XUNYANG.currentCode && birthDate < `${XUNYANG.since}-01-01` ? XUNYANG.oldCode : county;
  const age = ageOn(birthDate, asOf);
  const conditions: ChronicCondition[] = [];
  if (age >= 35 && random.chance(PREVALENCE.hypertension * (age >= 65 ? 1.6 : 1))) conditions.push('hypertension');
  if (age >= 35 && random.chance(PREVALENCE.diabetes * (age >= 65 ? 1.5 : 1))) conditions.push('diabetes');
  if (age >= 18 && random.chance(PREVALENCE.smd)) conditions.push('smd');
  return {
    id: mint.mint(idArea, birthDate, sex),
    sex,
    birthDate,
    county,
    area,
    clinic: area.clinics.length > 0 ? random.pick(area.clinics) : undefined,
    conditions,
    lowIncome: random.chance(LOW_INCOME_SHARE),
    controlTendency: random.float(),
    registered: [],
    nextDose: 0,
  };
}

function randomBirthDate(random: FeedRandom, asOfMs: number): string {
  const band = AGE_BANDS[bandIndex(random.float())];
  // Older bands thin out with age (mortality), so draw the 65+ band skewed towards its young end.
  const within = band.from >= 65 ? random.float() ** 1.8 : random.float();
  const ageDays = Math.floor((band.from + within * (band.to - band.from + 1)) * 365.25);
  // At least a day old on the reference date, so no event can predate a birth.
  return cstDate(asOfMs - Math.max(1, ageDays) * DAY_MS);
}

function bandIndex(roll: number): number {
  let sum = 0;
  for (let i = 0; i < AGE_BANDS.length; i++) {
    sum += AGE_BANDS[i].share;
    if (roll < sum) return i;
  }
  return AGE_BANDS.length - 1;
}

/** The person block of an event: what the contract asks about the subject. */
export function personOf(resident: Resident, residenceRegion = resident.county): Person {
  return { id: resident.id, sex: resident.sex, birthDate: resident.birthDate, residenceRegion };
}
