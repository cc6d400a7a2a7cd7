import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { countable, emitOnDay, measuresFor, PlacedEvent } from './rule-context';

/** Visits, home visits, costs: each current event adds to its own period. */
export function eachEventRule(def: IndicatorDefinition & { counting: { kind: 'each_event' } }, events: readonly PlacedEvent[]): Contribution[] {
  const out: Contribution[] = [];
  for (const e of countable(events)) {
    for (const [measure, amount] of measuresFor(def.counting.measures, e.facts)) emitOnDay(out, def, measure, e, e.facts.day, amount);
  }
  return out;
}
