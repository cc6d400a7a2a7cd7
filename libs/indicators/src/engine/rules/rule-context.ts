import { DayId, periodOfDay } from '@lib/periods';
import type { CanonicalEvent } from '@lib/contracts';
import { Contribution, IndicatorDefinition, Measure, MeasureSpecs } from '../../indicator.types';
import { BaseRegion, baseRegionOf, dimsOf } from '../attribution';
import { EventFacts } from '../event-facts';
import { storedGranularities } from '../../stored-granularities';
import { matchesFilter } from '../filter';

/** A subject's event as the counting rules see it: facts computed once, region and dims resolved. */
export interface PlacedEvent {
  event: CanonicalEvent;
  facts: EventFacts;
  base: BaseRegion | null;
  dims: string | null;
}

export function place(def: IndicatorDefinition, event: CanonicalEvent, facts: EventFacts): PlacedEvent {
  return { event, facts, base: baseRegionOf(def, facts), dims: dimsOf(def, facts) };
}

/** Events that can be counted: they have a region and every dimension. */
export function countable(events: readonly PlacedEvent[]): Array<PlacedEvent & { base: BaseRegion; dims: string }> {
  return events.filter((e): e is PlacedEvent & { base: BaseRegion; dims: string } => e.base !== null && e.dims !== null);
}

/**
 * Emits one delta on a day into the day's period of every granularity the indicator is stored at
 * (`storedGranularities`: quarters, years and weeks are read as sums of months and days).
 */
export function emitOnDay(
  out: Contribution[],
  def: IndicatorDefinition,
  measure: Measure,
  at: { base: BaseRegion; dims: string },
  day: DayId,
  delta: number,
): void {
  for (const g of storedGranularities(def)) {
    out.push({
      indicator: def.code,
      measure,
      level: at.base.level,
      region: at.base.region,
      ...(at.base.county ? { county: at.base.county } : {}),
      period: periodOfDay(day, g),
      dims: at.dims,
      delta,
    });
  }
}

/** The measures whose filter the facts pass, with the amount each adds (1 or a numeric fact). */
export function measuresFor(specs: MeasureSpecs, facts: Readonly<Record<string, unknown>>): Array<[Measure, number]> {
  const out: Array<[Measure, number]> = [];
  for (const [measure, spec] of Object.entries(specs) as Array<[Measure, NonNullable<MeasureSpecs[Measure]>]>) {
    if (!matchesFilter(facts as EventFacts, spec.where)) continue;
    const amount = spec.add === undefined ? 1 : facts[spec.add];
    if (typeof amount === 'number' && Number.isFinite(amount)) out.push([measure, amount]);
  }
  return out;
}

/** Items grouped by a key, each group in the items' order, the groups in the order their keys first come. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
