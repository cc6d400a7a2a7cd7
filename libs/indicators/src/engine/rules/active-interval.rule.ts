import { addDays, dayNumber } from '@lib/periods';
import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { matchesFilter } from '../filter';
import { emitOnDay, measuresFor, PlacedEvent } from './rule-context';

/**
 * Family-doctor contracts (家庭医生签约): a resident is covered on day E when their latest contract
 * event on or before E is a signing or renewal made within the 365 days up to E. So each signing
 * on day a opens [a, b) with b = min(a + 365, the next day with a contract event), stored as +1 on
 * a's period and −1 on b's period; summing periods ≤ P counts residents covered on P's last day.
 * Several contract events on one day: the last of the day is what stands at the end of that day.
 * Events arrive sorted by occurrence.
 */
export function activeIntervalRule(def: IndicatorDefinition & { counting: { kind: 'active_interval' } }, events: readonly PlacedEvent[]): Contribution[] {
  const lastOfDay = new Map<string, PlacedEvent>();
  for (const e of events) lastOfDay.set(e.facts.day, e);
  const days = [...lastOfDay.values()];
  const out: Contribution[] = [];
  days.forEach((e, i) => {
    if (!matchesFilter(e.facts, def.counting.starts) || e.base === null || e.dims === null) return;
    const expiry = addDays(e.facts.day, def.counting.validDays);
    const next = days[i + 1]?.facts.day;
    const end = next !== undefined && dayNumber(next) < dayNumber(expiry) ? next : expiry;
    const at = { base: e.base, dims: e.dims };
    for (const [measure, amount] of measuresFor(def.counting.measures, e.facts)) {
      emitOnDay(out, def, measure, at, e.facts.day, amount);
      emitOnDay(out, def, measure, at, end, -amount);
    }
  });
  return out;
}
