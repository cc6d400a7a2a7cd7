import type { HealthEvent, InstitutionFacts, ScreeningEvent, VaccinationEvent } from '@lib/contracts';
import { countyHospitals, type CountyNetwork } from './care-network';
import { cstDate, cstTimestamp, DAY_MS, HOUR_MS } from './cst-time';
import type { FeedContext } from './feed-context';
import { BIRTH_DOSES, IMMUNISATION_SCHEDULE } from './immunisation-schedule';
import type { CountyPopulation } from './synthetic-population';
import { newResident, personOf, type Resident } from './synthetic-population';
import { storyDelay } from './event-time';

/**
 * A birth in a county hospital (住院分娩 is near universal): the birth doses (HepB 1 within 24 h,
 * BCG), newborn disease screening (新生儿疾病筛查, heel prick at 3–7 days) for almost every baby,
 * and congenital heart screening (先心病筛查) for most. The baby joins the population and gets the
 * rest of the schedule from its township vaccination clinic as it grows.
 */
const NEWBORN_SCREENED = 0.97;
const HEART_SCREENED = 0.6;

/** A birth whose first dose (HepB 1) is given at `firstDoseMs`, 1–12 hours after the baby was born. */
export function birth(ctx: FeedContext, home: CountyPopulation, firstDoseMs: number): HealthEvent {
  const { random } = ctx;
  const bornMs = firstDoseMs - random.int(1, 12) * HOUR_MS;
  const county = ctx.network.counties.get(home.county) as CountyNetwork;
  const baby = newResident(random, ctx.mint, home.county, county.areas, cstDate(bornMs), cstDate(bornMs));
  baby.conditions = [];
  baby.nextDose = BIRTH_DOSES;
  home.residents.push(baby);
  home.children.push(baby);
  const hospital = random.chance(0.6) && county.mchHospital ? county.mchHospital : random.pick(countyHospitals(county));

  const hepB = dose(ctx, baby, hospital, 0, firstDoseMs);
  const bcgMs = firstDoseMs + storyDelay(ctx, random.int(12, 36) * HOUR_MS);
  ctx.later(bcgMs, dose(ctx, baby, hospital, 1, bcgMs));
  if (random.chance(NEWBORN_SCREENED)) {
    const ms = bornMs + storyDelay(ctx, random.int(3, 7) * DAY_MS);
    ctx.later(ms, screening(ctx, baby, hospital, 'newborn', ms));
  }
  if (random.chance(HEART_SCREENED)) {
    const ms = bornMs + storyDelay(ctx, random.int(1, 3) * DAY_MS);
    ctx.later(ms, screening(ctx, baby, hospital, 'congenital_heart', ms));
  }
  return hepB;
}

export function dose(ctx: FeedContext, child: Resident, place: InstitutionFacts, index: number, ms: number): VaccinationEvent {
  const { vaccine, dose: n } = IMMUNISATION_SCHEDULE[index];
  return {
    eventId: ctx.eventId('I'),
    version: 1,
    voided: false,
    type: 'vaccination',
    action: 'dose',
    institutionId: place.id,
    occurredAt: cstTimestamp(ms),
    person: personOf(child),
    vaccine,
    dose: n,
  };
}

function screening(ctx: FeedContext, baby: Resident, place: InstitutionFacts, programme: 'newborn' | 'congenital_heart', ms: number): ScreeningEvent {
  return {
    eventId: ctx.eventId('S'),
    version: 1,
    voided: false,
    type: 'screening',
    action: 'screened',
    institutionId: place.id,
    occurredAt: cstTimestamp(ms),
    person: personOf(baby),
    programme,
    // About 1 in 200 newborn screens is recalled (复查), fewer positive.
    result: ctx.random.weighted({ normal: 0.993, referred: 0.005, abnormal: 0.002 }),
  };
}
