import { periodOfDay } from '@lib/periods';
import { Contribution, IndicatorDefinition } from '../../indicator.types';
import { storedGranularities } from '../../stored-granularities';
import { countable, groupBy, measuresFor, PlacedEvent } from './rule-context';

/**
 * A subject counts once per period of each granularity in which it has an event (a woman screened
 * twice in March is one in March, one in Q1, one in 2024). The first or last event of the period
 * decides the region and the measures (control rate: the last follow-up in P).
 * Events arrive sorted by occurrence.
 */
export function distinctPerPeriodRule(
  def: IndicatorDefinition & { counting: { kind: 'distinct_per_period' } },
  events: readonly PlacedEvent[],
): Contribution[] {
  const out: Contribution[] = [];
  const ok = countable(events);
  for (const g of storedGranularities(def)) {
    for (const group of groupBy(ok, (e) => `${periodOfDay(e.facts.day, g)}\u0000${e.dims}`).values()) {
      const picked = def.counting.pick === 'first' ? group[0] : group[group.length - 1];
      for (const [measure, amount] of measuresFor(def.counting.measures, picked.facts)) {
        out.push({
          indicator: def.code,
          measure,
          level: picked.base.level,
          region: picked.base.region,
          ...(picked.base.county ? { county: picked.base.county } : {}),
          period: periodOfDay(picked.facts.day, g),
          dims: picked.dims,
          delta: amount,
        });
      }
    }
  }
  return out;
}
