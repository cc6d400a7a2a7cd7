import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { matchesFilter } from '../filter';
import { countable, emitOnDay, groupBy, PlacedEvent } from './rule-context';

/**
 * 规范管理率 (standard management). Denominator: the patient is registered from the day of their
 * first registration on (read cumulatively, all periods ≤ P). Numerator, for each calendar year Y:
 * the patient becomes "standard" on the later of their 4th follow-up in Y and their registration,
 * if that day is still in Y (read cumulatively within Y: periods of Y up to P). Both use the
 * registration's residence county so the numerator is always a subset of the denominator's region.
 * Events arrive sorted by occurrence.
 */
export function registeredWithFollowupsRule(
  def: IndicatorDefinition & { counting: { kind: 'registered_with_followups' } },
  events: readonly PlacedEvent[],
): Contribution[] {
  const rule = def.counting;
  const registration = countable(events).find((e) => matchesFilter(e.facts, rule.registration));
  if (!registration) return [];
  const out: Contribution[] = [];
  const registeredOn = registration.facts.day;
  emitOnDay(out, def, 'denominator', registration, registeredOn, 1);

  const followups = events.filter((e) => matchesFilter(e.facts, rule.followup));
  for (const [year, inYear] of groupBy(followups, (e) => e.facts.day.slice(0, 4))) {
    if (inYear.length < rule.minFollowups) continue;
    const reachedOn = inYear[rule.minFollowups - 1].facts.day;
    const standardOn = reachedOn > registeredOn ? reachedOn : registeredOn;
    if (standardOn.slice(0, 4) === year) emitOnDay(out, def, 'numerator', registration, standardOn, 1);
  }
  return out;
}
