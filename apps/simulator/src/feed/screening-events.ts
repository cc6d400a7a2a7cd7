import type { HealthEvent, ScreeningEvent, ScreeningProgramme } from '@lib/contracts';
import { countyHospitals, type CountyNetwork } from './care-network';
import { ageOn, cstDate, cstTimestamp } from './cst-time';
import { occurredAt } from './event-time';
import type { FeedContext } from './feed-context';
import { pickCounty, pickResident } from './resident-picker';
import { personOf } from './synthetic-population';

/**
 * Screenings other than the newborn ones (those come with births): the two-cancer screening
 * (两癌筛查) of women aged 35–64 — cervical and breast, usually both on the same day, at the county
 * MCH hospital or on a township centre's screening day — and a few lung-function and cancer
 * early-screening checks of adults 40+ at county hospitals.
 */
const BOTH_CANCERS_SAME_DAY = 0.7;
const TWO_CANCER_SHARE = 0.85;
const RESULT = { normal: 0.9, abnormal: 0.07, referred: 0.03 } as const;

export function screeningEvent(ctx: FeedContext, anchorMs: number): HealthEvent {
  const { random } = ctx;
  const home = pickCounty(ctx);
  const county = ctx.network.counties.get(home.county) as CountyNetwork;
  const when = occurredAt(ctx, anchorMs, 'clinic');
  const date = cstDate(when);

  if (random.chance(TWO_CANCER_SHARE)) {
    const woman = pickResident(ctx, home, when, (r) => r.sex === 'F' && ageOn(r.birthDate, date) >= 35 && ageOn(r.birthDate, date) <= 64);
    if (woman.sex === 'F' && ageOn(woman.birthDate, date) >= 35 && ageOn(woman.birthDate, date) <= 64) {
      const place = random.chance(0.55) && county.mchHospital ? county.mchHospital : woman.area.centre;
      const first: ScreeningProgramme = random.chance(0.5) ? 'cervical' : 'breast';
      const event = screening(ctx, place.id, when, personOf(woman), first);
      if (random.chance(BOTH_CANCERS_SAME_DAY)) {
        const secondMs = when + random.int(10, 60) * 60_000;
        ctx.later(
          secondMs,
          screening(ctx, place.id, Math.min(secondMs, ctx.options.latestMs ?? secondMs), personOf(woman), first === 'cervical' ? 'breast' : 'cervical'),
        );
      }
      return event;
    }
  }
  const adult = pickResident(ctx, home, when, (r) => ageOn(r.birthDate, date) >= 40);
  const programme: ScreeningProgramme = random.chance(0.5) ? 'lung_function' : 'cancer_early';
  return screening(ctx, random.pick(countyHospitals(county)).id, when, personOf(adult), programme);
}

function screening(ctx: FeedContext, institutionId: string, ms: number, person: ScreeningEvent['person'], programme: ScreeningProgramme): ScreeningEvent {
  return {
    eventId: ctx.eventId('S'),
    version: 1,
    voided: false,
    type: 'screening',
    action: 'screened',
    institutionId,
    occurredAt: cstTimestamp(ms),
    person,
    programme,
    result: ctx.random.weighted(RESULT),
  };
}
