import { cstDate } from './cst-time';
import type { FeedContext } from './feed-context';
import type { CountyPopulation, Resident } from './synthetic-population';

/**
 * Choosing people for events. Everyone chosen must already be born on the event's date (a late
 * arrival may predate a baby the feed added since), and `fits` narrows by age, sex or state.
 * Random tries rather than scans keep the cost flat as the population grows.
 */
const TRIES = 24;

export function pickCounty(ctx: FeedContext): CountyPopulation {
  return ctx.populations.get(ctx.random.weighted(ctx.countyWeights)) as CountyPopulation;
}

export function pickFrom(ctx: FeedContext, people: readonly Resident[], occurredMs: number, fits: (r: Resident) => boolean = () => true): Resident | undefined {
  if (people.length === 0) return undefined;
  const date = cstDate(occurredMs);
  for (let i = 0; i < TRIES; i++) {
    const r = people[Math.floor(ctx.random.float() * people.length)];
    if (r.birthDate <= date && fits(r)) return r;
  }
  return undefined;
}

/** A resident of the county, any one born by the date (always found: the population is drawn before the feed starts). */
export function pickResident(ctx: FeedContext, county: CountyPopulation, occurredMs: number, fits?: (r: Resident) => boolean): Resident {
  return pickFrom(ctx, county.residents, occurredMs, fits) ?? (pickFrom(ctx, county.residents, occurredMs) as Resident);
}

/** Removes one person from a list in O(1), order not kept (lists are sampled at random anyway). */
export function removeFrom(people: Resident[], person: Resident): void {
  const i = people.indexOf(person);
  if (i < 0) return;
  people[i] = people[people.length - 1];
  people.pop();
}
