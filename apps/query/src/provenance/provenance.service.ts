import { Injectable } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import { contributionsOf, IndicatorDefinition, Measure, MeasureRead, RegionLevel, rollUpAll, storedPeriodsOf } from '@lib/indicators';
import { firstPeriodOfYear, parsePeriod } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { ProvenanceRepository } from './provenance.repository';

export type ProvenancePart = 'numerator' | 'denominator' | 'value';

export interface ProvenanceEvent {
  eventId: string;
  institutionId: string;
  version: number;
  type: string;
  action: string;
  occurredAt: string;
  /** The keyed pseudonym, never the ID number. */
  person?: string;
}

export interface ProvenanceItem {
  /** What was counted once: a visit, a person × condition, a referral... */
  subject: string;
  /** What it adds to the part of the value asked for (money in yuan, like the values). */
  contributes: number;
  events: ProvenanceEvent[];
}

const SCAN = 500;
const FEN_PER_YUAN = 100;

/**
 * The events behind one value (for a disputed figure in the yearly review, 考核): each subject whose
 * current events add to the cell, recomputed with the same pure engine the aggregator runs.
 */
@Injectable()
export class ProvenanceService {
  constructor(
    private readonly repository: ProvenanceRepository,
    private readonly registry: RegistrySnapshot,
  ) {}

  async explain(
    def: IndicatorDefinition,
    level: RegionLevel,
    region: string,
    period: string,
    dims: string,
    part: ProvenancePart,
    cursor: string | null,
    limit: number,
  ) {
    const read = storedMeasure(def, part);
    const p = parsePeriod(period);
    const from = read.accumulate === 'period' ? period : read.accumulate === 'year_to_date' ? firstPeriodOfYear(period) : null;
    // The counters summed for the value: those of its granularity, or of the months or days it is the sum of.
    const last = storedPeriodsOf(def, period);
    const first = from === null ? null : storedPeriodsOf(def, from).first;
    const inCell = (c: { indicator: string; measure: Measure; level: string; region: string; dims: string; period: string }) =>
      c.indicator === def.code &&
      c.measure === read.measure &&
      c.level === level &&
      c.region === region &&
      c.dims === dims &&
      parsePeriod(c.period).granularity === last.granularity &&
      c.period <= last.last &&
      (first === null || c.period >= first);

    const counties = level === 'institution' ? [] : this.registry.regions.descendantsAt(region, 'county').map((c) => c.code);
    const items: ProvenanceItem[] = [];
    let after = cursor;
    for (;;) {
      const window = await this.repository.subjectWindow({
        prefix: def.counting.subject.prefix,
        before: p.end,
        counties,
        institution: level === 'institution' ? region : undefined,
        after,
        limit: SCAN,
      });
      const members = await this.repository.members(window.concerned);
      for (const subject of window.concerned) {
        const events = members.get(subject) ?? [];
        const stored = rollUpAll(contributionsOf(subject, events, [def]))
          .filter(inCell)
          .reduce((sum, c) => sum + c.delta, 0);
        if (stored === 0) continue;
        // Cost sums are counted in fen (exact integers); they are told in yuan, as the values are.
        const contributes = def.read.kind === 'mean_growth' && read.measure === def.read.sum ? stored / FEN_PER_YUAN : stored;
        items.push({ subject, contributes, events: events.map(summary) });
        if (items.length >= limit) return { items, nextCursor: subject };
      }
      if (window.scannedTo === null) return { items, nextCursor: null };
      after = window.scannedTo;
    }
  }
}

function storedMeasure(def: IndicatorDefinition, part: ProvenancePart): MeasureRead {
  const read = def.read;
  if (read.kind === 'count') return read.value;
  if (read.kind === 'count_growth') {
    if (part === 'denominator')
      throw new ApiError('previous_year_denominator', `The denominator of ${def.code} is last year's count, not this period's events`);
    return { measure: read.value, accumulate: 'period' };
  }
  if (read.kind === 'mean_growth') {
    return { measure: part === 'denominator' ? read.count : read.sum, accumulate: 'period' };
  }
  if (part === 'denominator') {
    if ('population' in read.denominator) {
      throw new ApiError('population_denominator', `The denominator of ${def.code} is an uploaded population, not events`);
    }
    return read.denominator;
  }
  return read.numerator;
}

/** A stored event as provenance lists it: its person by pseudonym alone. */
function summary(event: Omit<ProvenanceEvent, 'person'> & { person?: { id: string } }): ProvenanceEvent {
  return {
    eventId: event.eventId,
    institutionId: event.institutionId,
    version: event.version,
    type: event.type,
    action: event.action,
    occurredAt: event.occurredAt,
    person: event.person?.id,
  };
}
