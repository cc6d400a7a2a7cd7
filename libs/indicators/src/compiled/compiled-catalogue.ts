import { addDays, DayId, dayNumber, Granularity, GRANULARITIES, instantMs, periodOfDay } from '@lib/periods';
import { eventKey } from '@lib/contracts';
import type { CanonicalEvent } from '@lib/contracts';
import { CATALOGUE } from '../catalogue/catalogue';
import { BaseRegion, baseRegionOf } from '../engine/attribution';
import { contributionsOf as declarativeContributionsOf, subjectsOf as declarativeSubjectsOf } from '../engine/contributions-of';
import { currentVersions } from '../engine/current-versions';
import { EventFacts, eventFacts } from '../engine/event-facts';
import { isSingleEventSubject } from '../engine/single-event-subjects';
import { Contribution, IndicatorDefinition, Measure, MeasureSpecs, SubjectKey } from '../indicator.types';
import { storedGranularities } from '../stored-granularities';
import { compileFilter, FactTest } from './compile-filter';

/**
 * What the aggregator asks of an engine. `contributionsOf` may return the same counter key more
 * than once: callers sum what they get (the declarative engine merges, the compiled one does not).
 */
export interface ContributionEngine {
  subjectsOf(event: CanonicalEvent): SubjectKey[];
  contributionsOf(subject: SubjectKey, events: readonly CanonicalEvent[]): readonly Contribution[];
  /** `contributionsOf` handed to `sink` as it is computed, without a Contribution object per counter. */
  sumContributionsOf(subject: SubjectKey, events: readonly CanonicalEvent[], sink: ContributionSink): void;
  /** Whether the subject is identified by its event's own key, so its only member is that event (`singleEventPrefixes`). */
  isSingleEventSubject(subject: SubjectKey): boolean;
}

/**
 * Receives contributions: `delta` to the base-level counter (indicator, measure, base, dims) in each
 * of `periods`. The compiled engine hands over one day's periods of a definition at once, so a sink
 * can resolve what they share once.
 */
export interface ContributionSink {
  addOnPeriods(indicator: string, measure: Measure, base: BaseRegion, dims: string, periods: readonly string[], delta: number): void;
}

/** Collects what a sink is given as Contribution objects, in the order given. */
function collectInto(out: Contribution[]): ContributionSink {
  return {
    addOnPeriods(indicator, measure, base, dims, periods, delta) {
      for (const period of periods) out.push(contribution(indicator, measure, base, period, dims, delta));
    },
  };
}

interface CompiledMeasure {
  measure: Measure;
  where: FactTest;
  /** The numeric fact the measure adds; 1 when undefined. */
  add?: string;
}

/** A definition with its filters as closures and its granularities as positions in `GRANULARITIES`. */
interface CompiledDefinition {
  def: IndicatorDefinition;
  source: FactTest;
  /** Dimension facts sorted by name, the order of `formatDims`. */
  dimensions: string[];
  /** The granularities its counters are stored at (`storedGranularities`). */
  granularities: number[];
  /** Period ids of a day at the definition's granularities, in `granularities` order. */
  periodsByDay: Map<DayId, string[]>;
  measures: CompiledMeasure[];
  /** Rule-specific filters by name (`starts`, `registration`, `followup`, `anchor`, `flag:<name>`). */
  tests: Map<string, FactTest>;
}

/** A subject's event as a rule sees it: facts, region and dims resolved once. */
interface Placed {
  facts: EventFacts;
  base: BaseRegion | null;
  dims: string | null;
}
type Countable = Placed & { base: BaseRegion; dims: string };

/** Subjects of one prefix share their identifying facts (validateCatalogue checks it). */
interface SubjectGroup {
  prefix: string;
  by: readonly string[];
  definitions: CompiledDefinition[];
}

/**
 * The declarative catalogue compiled for the aggregator's hot path: filters become closures,
 * period ids of a day are computed once per day, an event's subject key once per prefix, and
 * contributions are returned unmerged (the caller sums them per counter). Same contributions as
 * `engine/contributions-of.ts`, which stays the reference: `compiled-engine.property.spec.ts`
 * compares both on random histories with amendments, voids, duplicates and late versions.
 */
export class CompiledCatalogue implements ContributionEngine {
  private readonly groups = new Map<string, SubjectGroup>();
  /** Period ids of a day at every granularity, in `GRANULARITIES` order. */
  private readonly periodsByDay = new Map<DayId, string[]>();
  /** `periodsByDay`, each period alone in an array: what a per-period rule hands to a sink. */
  private readonly singlePeriodsByDay = new Map<DayId, string[][]>();

  constructor(private readonly catalogue: readonly IndicatorDefinition[] = CATALOGUE) {
    for (const def of catalogue) {
      const { prefix, by } = def.counting.subject;
      let group = this.groups.get(prefix);
      if (!group) this.groups.set(prefix, (group = { prefix, by, definitions: [] }));
      group.definitions.push(compileDefinition(def));
    }
  }

  subjectsOf(event: CanonicalEvent): SubjectKey[] {
    if (event.voided) return [];
    const facts = eventFacts(event);
    const keys: SubjectKey[] = [];
    for (const group of this.groups.values()) {
      if (!group.definitions.some((d) => d.source(facts))) continue;
      const key = subjectKey(group, facts);
      if (key !== null) keys.push(key);
    }
    return keys.sort();
  }

  isSingleEventSubject(subject: SubjectKey): boolean {
    return isSingleEventSubject(subject, this.catalogue);
  }

  contributionsOf(subject: SubjectKey, events: readonly CanonicalEvent[]): Contribution[] {
    const out: Contribution[] = [];
    this.sumContributionsOf(subject, events, collectInto(out));
    return out;
  }

  sumContributionsOf(subject: SubjectKey, events: readonly CanonicalEvent[], out: ContributionSink): void {
    const group = this.groups.get(subject.slice(0, subject.indexOf(':')));
    if (!group) return;
    const current = currentInOccurrenceOrder(events).filter((facts) => subjectKey(group, facts) === subject);
    for (const d of group.definitions) {
      let mine: Placed[] | undefined;
      for (const facts of current) if (d.source(facts)) (mine ??= []).push(this.place(d, facts));
      if (mine) this.count(d, mine, out);
    }
  }

  private place(d: CompiledDefinition, facts: EventFacts): Placed {
    return { facts, base: baseRegionOf(d.def, facts), dims: dimsOf(d, facts) };
  }

  private count(d: CompiledDefinition, events: Placed[], out: ContributionSink): void {
    switch (d.def.counting.kind) {
      case 'each_event':
        for (const e of events) if (isCountable(e)) this.emitMeasuresOnDay(out, d, e, e.facts, e.facts.day, 1);
        return;
      case 'first_ever':
        for (const first of firstOfEachDims(countable(events))) this.emitMeasuresOnDay(out, d, first, first.facts, first.facts.day, 1);
        return;
      case 'distinct_per_period':
        return this.distinctPerPeriod(d, countable(events), out);
      case 'active_interval':
        return this.activeInterval(d, events, out);
      case 'registered_with_followups':
        return this.registeredWithFollowups(d, events, out);
      case 'once_per_subject':
        return this.oncePerSubject(d, events, out);
    }
  }

  /** engine/rules/distinct-per-period.rule.ts */
  private distinctPerPeriod(d: CompiledDefinition, events: Countable[], out: ContributionSink): void {
    const pickLast = d.def.counting.kind === 'distinct_per_period' && d.def.counting.pick === 'last';
    for (const g of d.granularities) {
      const picked = new Map<string, Countable>();
      for (const e of events) {
        const key = `${this.periodsOf(e.facts.day)[g]}\u0000${e.dims}`;
        if (pickLast || !picked.has(key)) picked.set(key, e);
      }
      for (const e of picked.values()) {
        for (const m of d.measures) {
          const amount = amountOf(m, e.facts);
          if (amount !== undefined) out.addOnPeriods(d.def.code, m.measure, e.base, e.dims, this.singlePeriodOf(e.facts.day, g), amount);
        }
      }
    }
  }

  /** engine/rules/active-interval.rule.ts */
  private activeInterval(d: CompiledDefinition, events: Placed[], out: ContributionSink): void {
    const rule = d.def.counting;
    if (rule.kind !== 'active_interval') return;
    const starts = d.tests.get('starts')!;
    const lastOfDay = new Map<DayId, Placed>();
    for (const e of events) lastOfDay.set(e.facts.day, e);
    const days = [...lastOfDay.values()];
    days.forEach((e, i) => {
      if (!starts(e.facts) || e.base === null || e.dims === null) return;
      const expiry = addDays(e.facts.day, rule.validDays);
      const next = days[i + 1]?.facts.day;
      const end = next !== undefined && dayNumber(next) < dayNumber(expiry) ? next : expiry;
      this.emitMeasuresOnDay(out, d, e as Countable, e.facts, e.facts.day, 1);
      this.emitMeasuresOnDay(out, d, e as Countable, e.facts, end, -1);
    });
  }

  /** engine/rules/registered-with-followups.rule.ts */
  private registeredWithFollowups(d: CompiledDefinition, events: Placed[], out: ContributionSink): void {
    const rule = d.def.counting;
    if (rule.kind !== 'registered_with_followups') return;
    const isRegistration = d.tests.get('registration')!;
    const isFollowup = d.tests.get('followup')!;
    const registration = countable(events).find((e) => isRegistration(e.facts));
    if (!registration) return;
    const registeredOn = registration.facts.day;
    this.emitOnDay(out, d, 'denominator', registration, registeredOn, 1);
    const byYear = new Map<string, DayId[]>();
    for (const e of events) {
      if (!isFollowup(e.facts)) continue;
      const year = e.facts.day.slice(0, 4);
      const days = byYear.get(year);
      if (days) days.push(e.facts.day);
      else byYear.set(year, [e.facts.day]);
    }
    for (const [year, days] of byYear) {
      if (days.length < rule.minFollowups) continue;
      const reachedOn = days[rule.minFollowups - 1];
      const standardOn = reachedOn > registeredOn ? reachedOn : registeredOn;
      if (standardOn.slice(0, 4) === year) this.emitOnDay(out, d, 'numerator', registration, standardOn, 1);
    }
  }

  /** engine/rules/once-per-subject.rule.ts */
  private oncePerSubject(d: CompiledDefinition, events: Placed[], out: ContributionSink): void {
    const rule = d.def.counting;
    if (rule.kind !== 'once_per_subject') return;
    const isAnchor = d.tests.get('anchor')!;
    const anchor = countable(events).find((e) => isAnchor(e.facts));
    if (!anchor) return;
    const flags: Record<string, boolean> = {};
    for (const flag of Object.keys(rule.flags)) {
      const test = d.tests.get(`flag:${flag}`)!;
      flags[flag] = events.some((e) => test(e.facts));
    }
    this.emitMeasuresOnDay(out, d, anchor, { ...anchor.facts, ...flags }, anchor.facts.day, 1);
  }

  /** Each measure whose filter `facts` pass, times `sign`, on `day` at every granularity of the definition. */
  private emitMeasuresOnDay(
    out: ContributionSink,
    d: CompiledDefinition,
    at: Countable,
    facts: Readonly<Record<string, unknown>>,
    day: DayId,
    sign: 1 | -1,
  ): void {
    for (const m of d.measures) {
      const amount = amountOf(m, facts as EventFacts);
      if (amount !== undefined) this.emitOnDay(out, d, m.measure, at, day, sign * amount);
    }
  }

  private emitOnDay(out: ContributionSink, d: CompiledDefinition, measure: Measure, at: Countable, day: DayId, delta: number): void {
    out.addOnPeriods(d.def.code, measure, at.base, at.dims, this.periodsOfDefinition(d, day), delta);
  }

  private periodsOfDefinition(d: CompiledDefinition, day: DayId): string[] {
    let periods = d.periodsByDay.get(day);
    if (!periods) {
      const all = this.periodsOf(day);
      d.periodsByDay.set(day, (periods = d.granularities.map((g) => all[g])));
    }
    return periods;
  }

  /** The period of `day` at `GRANULARITIES[g]`, alone in an array (kept per day, like the periods). */
  private singlePeriodOf(day: DayId, g: number): readonly string[] {
    let periods = this.singlePeriodsByDay.get(day);
    if (!periods) this.singlePeriodsByDay.set(day, (periods = this.periodsOf(day).map((p) => [p])));
    return periods[g];
  }

  private periodsOf(day: DayId): string[] {
    let periods = this.periodsByDay.get(day);
    if (!periods) this.periodsByDay.set(day, (periods = GRANULARITIES.map((g) => periodOfDay(day, g))));
    return periods;
  }
}

/** The reference engine behind the same interface; contributions come merged. */
export const DECLARATIVE_ENGINE: ContributionEngine = {
  subjectsOf: (event) => declarativeSubjectsOf(event),
  contributionsOf: (subject, events) => declarativeContributionsOf(subject, events),
  sumContributionsOf: (subject, events, sink) => {
    for (const c of declarativeContributionsOf(subject, events)) sink.addOnPeriods(c.indicator, c.measure, c, c.dims, [c.period], c.delta);
  },
  isSingleEventSubject: (subject) => isSingleEventSubject(subject, CATALOGUE),
};

function compileDefinition(def: IndicatorDefinition): CompiledDefinition {
  const rule = def.counting;
  const tests = new Map<string, FactTest>();
  let measures: MeasureSpecs = {};
  switch (rule.kind) {
    case 'active_interval':
      tests.set('starts', compileFilter(rule.starts));
      measures = rule.measures;
      break;
    case 'registered_with_followups':
      tests.set('registration', compileFilter(rule.registration));
      tests.set('followup', compileFilter(rule.followup));
      break;
    case 'once_per_subject':
      tests.set('anchor', compileFilter(rule.anchor));
      for (const [flag, filter] of Object.entries(rule.flags)) tests.set(`flag:${flag}`, compileFilter(filter));
      measures = rule.measures;
      break;
    default:
      measures = rule.measures;
  }
  return {
    def,
    source: compileFilter(rule.source),
    dimensions: [...def.dimensions].sort(),
    granularities: storedGranularities(def).map((g: Granularity) => GRANULARITIES.indexOf(g)),
    periodsByDay: new Map(),
    measures: (Object.entries(measures) as Array<[Measure, NonNullable<MeasureSpecs[Measure]>]>).map(([measure, spec]) => ({
      measure,
      where: compileFilter(spec.where),
      add: spec.add,
    })),
    tests,
  };
}

function amountOf(m: CompiledMeasure, facts: EventFacts): number | undefined {
  if (!m.where(facts)) return undefined;
  if (m.add === undefined) return 1;
  const amount = facts[m.add];
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined;
}

/** Same shape as the declarative rules' contributions: `county` only on institution-level ones. */
function contribution(indicator: string, measure: Measure, base: BaseRegion, period: string, dims: string, delta: number): Contribution {
  return base.county !== undefined
    ? { indicator, measure, level: base.level, region: base.region, county: base.county, period, dims, delta }
    : { indicator, measure, level: base.level, region: base.region, period, dims, delta };
}

/** Escapes the separator (engine/subjects.ts). */
function part(value: unknown): string {
  const s = String(value);
  return s.includes('%') || s.includes(':') ? s.replace(/%/g, '%25').replace(/:/g, '%3A') : s;
}

function subjectKey(group: SubjectGroup, facts: EventFacts): SubjectKey | null {
  let key = group.prefix;
  for (const fact of group.by) {
    const value = facts[fact];
    if (value === undefined || value === '') return null;
    key += `:${part(value)}`;
  }
  return key;
}

/** engine/attribution.ts `dimsOf`: `k=v` pairs in name order, null when a dimension fact is missing. */
function dimsOf(d: CompiledDefinition, facts: EventFacts): string | null {
  let dims = '';
  for (const name of d.dimensions) {
    const v = facts[name];
    if (v === undefined || v === '') return null;
    dims += dims === '' ? `${name}=${v}` : `;${name}=${v}`;
  }
  return dims;
}

/** The facts of `currentVersions(events)` in engine/current-versions.ts `byOccurrence` order, each instant parsed once. */
function currentInOccurrenceOrder(events: readonly CanonicalEvent[]): EventFacts[] {
  // A single-event subject's only member, and a shared subject's first: nothing to pick or order.
  if (events.length === 1) return events[0].voided ? [] : [eventFacts(events[0])];
  return currentVersions(events)
    .map((e) => ({ facts: eventFacts(e), ms: instantMs(e.occurredAt), key: eventKey(e) }))
    .sort((a, b) => a.ms - b.ms || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.facts);
}

function isCountable(e: Placed): e is Countable {
  return e.base !== null && e.dims !== null;
}

function countable(events: readonly Placed[]): Countable[] {
  return events.filter(isCountable);
}

function firstOfEachDims(events: readonly Countable[]): Countable[] {
  const first = new Map<string, Countable>();
  for (const e of events) if (!first.has(e.dims)) first.set(e.dims, e);
  return [...first.values()];
}
