import type { HealthEvent } from '@lib/contracts';
import type { CountyNetwork } from './care-network';
import { cstMidnightOf, cstMidnightOfDate, DAY_MS } from './cst-time';
import { birth, dose } from './births';
import { occurredAt } from './event-time';
import type { FeedContext } from './feed-context';
import { IMMUNISATION_SCHEDULE } from './immunisation-schedule';
import { pickCounty, pickFrom, removeFrom } from './resident-picker';

/**
 * Vaccinations (预防接种) by birth cohort: a child whose next dose of the national schedule has
 * fallen due gets it at the vaccination clinic of their township or community centre (接种门诊),
 * sometimes at the county MCH hospital. When no child in the sampled county is due, a baby is born
 * instead — so cohorts keep being renewed however long the feed runs.
 */
export function vaccinationEvent(ctx: FeedContext, anchorMs: number): HealthEvent {
  const home = pickCounty(ctx);
  const when = occurredAt(ctx, anchorMs, 'clinic');
  const whenDay = cstMidnightOf(when);
  const ageDays = (birthDate: string) => Math.round((whenDay - cstMidnightOfDate(birthDate)) / DAY_MS);
  const child = pickFrom(ctx, home.children, when, (c) => {
    const next = IMMUNISATION_SCHEDULE[c.nextDose];
    return next !== undefined && ageDays(c.birthDate) >= next.ageDays;
  });
  if (child === undefined) return birth(ctx, home, when);

  const county = ctx.network.counties.get(home.county) as CountyNetwork;
  const place = ctx.random.chance(0.85) || !county.mchHospital ? child.area.centre : county.mchHospital;
  const event = dose(ctx, child, place, child.nextDose, when);
  child.nextDose++;
  if (child.nextDose >= IMMUNISATION_SCHEDULE.length) removeFrom(home.children, child);
  return event;
}
