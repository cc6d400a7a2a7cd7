import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { countable, emitOnDay, groupBy, measuresFor, PlacedEvent } from './rule-context';

/**
 * Cumulative "has ever happened by the end of P" (vaccination coverage: the child got this dose on
 * or before the end of P). Only the earliest event counts, once, in its own period; readers sum all
 * periods ≤ P. A duplicate dose record or a later re-vaccination therefore changes nothing.
 */
export function firstEverRule(def: IndicatorDefinition & { counting: { kind: 'first_ever' } }, events: readonly PlacedEvent[]): Contribution[] {
  const out: Contribution[] = [];
  for (const group of groupBy(countable(events), (e) => e.dims).values()) {
    const first = group[0];
    for (const [measure, amount] of measuresFor(def.counting.measures, first.facts)) emitOnDay(out, def, measure, first, first.facts.day, amount);
  }
  return out;
}
