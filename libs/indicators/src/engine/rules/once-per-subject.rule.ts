import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { matchesFilter } from '../filter';
import { countable, emitOnDay, measuresFor, PlacedEvent } from './rule-context';

/**
 * Referrals: a referral counts once, in the period of its first `initiated` step, at the
 * from-institution; flags such as `completed` look at all its steps whenever they arrived, so a
 * completion reported in May adds to the completion rate of the March it was initiated in.
 * Events arrive sorted by occurrence.
 */
export function oncePerSubjectRule(def: IndicatorDefinition & { counting: { kind: 'once_per_subject' } }, events: readonly PlacedEvent[]): Contribution[] {
  const rule = def.counting;
  const anchor = countable(events).find((e) => matchesFilter(e.facts, rule.anchor));
  if (!anchor) return [];
  const flags: Record<string, boolean> = {};
  for (const [flag, filter] of Object.entries(rule.flags)) flags[flag] = events.some((e) => matchesFilter(e.facts, filter));
  const out: Contribution[] = [];
  for (const [measure, amount] of measuresFor(rule.measures, { ...anchor.facts, ...flags })) emitOnDay(out, def, measure, anchor, anchor.facts.day, amount);
  return out;
}
