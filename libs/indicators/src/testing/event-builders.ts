/**
 * Test-only builders of canonical events and a harness that feeds them through the store. Kept
 * out of the index: production code never builds events.
 */
import {
  canonicalPerson,
  type CanonicalEvent,
  type ChronicFollowupEvent,
  type FamilyDoctorEvent,
  type InstitutionFacts,
  type ReferralEvent,
  type ScreeningEvent,
  type VaccinationEvent,
  type VisitEvent,
} from '@lib/contracts';
import { CATALOGUE, findIndicator } from '../catalogue/catalogue';
import { InMemoryCounters, InMemorySubjectStore } from '../engine/in-memory-subject-store';
import { IndicatorDefinition, RegionLevel } from '../indicator.types';
import { IndicatorReading, readIndicatorFromRows, ReadOptions } from '../read/read-indicator';
import { CounterRow } from '../read/counter-source';

/** Ankang (安康市 610900): 汉滨区 610902, 汉阴县 610921; a provincial hospital in Xi'an 雁塔区 610113. */
export const INST = {
  hanyinVillage: { id: '610921-VC-001', county: '610921', type: 'village_clinic', level: 1 },
  hanyinTownship: { id: '610921-THC-001', county: '610921', type: 'township_health_center', level: 2 },
  hanyinCounty: { id: '610921-CH-001', county: '610921', type: 'county_hospital', level: 3 },
  hanbinTownship: { id: '610902-THC-001', county: '610902', type: 'township_health_center', level: 2 },
  hanbinCommunity: { id: '610902-CHC-001', county: '610902', type: 'community_health_center', level: 2 },
  hanbinCounty: { id: '610902-CH-001', county: '610902', type: 'county_hospital', level: 3 },
  ankangCity: { id: '610900-CITY-001', county: '610902', type: 'city_hospital', level: 4 },
  provincial: { id: '610113-PH-001', county: '610113', type: 'provincial_hospital', level: 5 },
} as const satisfies Record<string, InstitutionFacts>;
export type InstitutionName = keyof typeof INST;

let sequence = 0;
function nextId(): string {
  sequence += 1;
  return `EVT-${sequence}`;
}

interface Common {
  eventId?: string;
  version?: number;
  voided?: boolean;
  at: string;
  inst: InstitutionName;
}

function base<T extends CanonicalEvent['type']>(type: T, o: Common) {
  const institution = INST[o.inst];
  return {
    eventId: o.eventId ?? nextId(),
    version: o.version ?? 1,
    voided: o.voided ?? false,
    type,
    institutionId: institution.id,
    institution: { ...institution },
    occurredAt: o.at,
    receivedAt: o.at,
  };
}

export function visit(
  o: Common & { action?: VisitEvent['action']; person?: string; residence?: string; cost?: number; tcm?: boolean; tcmNonDrug?: boolean },
): CanonicalEvent {
  return {
    ...base('visit', o),
    action: o.action ?? 'outpatient',
    person: { id: o.person ?? 'p-visit', residenceRegion: o.residence ?? '610921' },
    cost: o.cost,
    tcmPrescription: o.tcm ?? false,
    tcmNonDrugTherapy: o.tcmNonDrug ?? false,
  } satisfies VisitEvent & Partial<CanonicalEvent>;
}

export function referral(
  o: Common & { action: ReferralEvent['action']; referralId: string; from: InstitutionName; to: InstitutionName; withParties?: boolean },
): CanonicalEvent {
  return {
    ...base('referral', o),
    action: o.action,
    referralId: o.referralId,
    fromInstitutionId: INST[o.from].id,
    toInstitutionId: INST[o.to].id,
    ...(o.withParties === false ? {} : { referralParties: { from: { ...INST[o.from] }, to: { ...INST[o.to] } } }),
  };
}

export function vaccination(
  o: Common & { person: string; vaccine?: VaccinationEvent['vaccine']; dose?: number; birthDate: string; residence?: string },
): CanonicalEvent {
  const envelope = base('vaccination', o);
  return {
    ...envelope,
    action: 'dose',
    person: canonicalPerson({ id: o.person, birthDate: o.birthDate, residenceRegion: o.residence ?? '610921' }, envelope.occurredAt, o.person),
    vaccine: o.vaccine ?? 'HepB',
    dose: o.dose ?? 1,
  };
}

export function screening(
  o: Common & { person: string; programme: ScreeningEvent['programme']; sex?: 'F' | 'M'; birthDate: string; residence?: string },
): CanonicalEvent {
  const envelope = base('screening', o);
  return {
    ...envelope,
    action: 'screened',
    person: canonicalPerson(
      { id: o.person, sex: o.sex ?? 'F', birthDate: o.birthDate, residenceRegion: o.residence ?? '610921' },
      envelope.occurredAt,
      o.person,
    ),
    programme: o.programme,
    result: 'normal',
  };
}

export function familyDoctor(
  o: Common & {
    action: FamilyDoctorEvent['action'];
    person: string;
    residence?: string;
    priority?: FamilyDoctorEvent['priorityGroups'];
    serviceKind?: FamilyDoctorEvent['serviceKind'];
  },
): CanonicalEvent {
  return {
    ...base('family_doctor', o),
    action: o.action,
    person: { id: o.person, residenceRegion: o.residence ?? '610921' },
    teamId: 'team-1',
    priorityGroups: o.priority,
    serviceKind: o.serviceKind,
  };
}

export function chronic(
  o: Common & {
    action: ChronicFollowupEvent['action'];
    person: string;
    condition?: ChronicFollowupEvent['condition'];
    controlled?: boolean;
    residence?: string;
  },
): CanonicalEvent {
  return {
    ...base('chronic_followup', o),
    action: o.action,
    person: { id: o.person, residenceRegion: o.residence ?? '610921' },
    condition: o.condition ?? 'hypertension',
    controlled: o.controlled,
  };
}

export function diseaseReport(
  card: Omit<Common, 'inst'> & {
    inst?: InstitutionName;
    action?: 'reported' | 'revised' | 'deleted';
    person?: string;
    residence?: string;
    disease?: string;
    classification?: string;
    diagnosedAt?: string;
  },
): CanonicalEvent {
  const o = { ...card, inst: card.inst ?? 'hanyinCounty' };
  return {
    ...base('disease_report', o),
    action: o.action ?? 'reported',
    person: { id: o.person ?? 'p-case', residenceRegion: o.residence ?? '610921' },
    disease: o.disease ?? 'measles',
    classification: o.classification ?? 'confirmed',
    onsetDate: `${o.at.slice(0, 10)}`,
    diagnosedAt: o.diagnosedAt ?? o.at,
  } as CanonicalEvent;
}

export function syndromicCount(o: Common & { fever?: number; ili: number; outpatients: number }): CanonicalEvent {
  return {
    ...base('syndromic_count', o),
    action: 'daily',
    date: o.at.slice(0, 10),
    feverClinicVisits: o.fever ?? 0,
    iliCases: o.ili,
    outpatientVisits: o.outpatients,
  };
}

/** An amendment or void of an event: same identity, higher version. */
export function amend(e: CanonicalEvent, changes: Partial<CanonicalEvent> & Record<string, unknown>): CanonicalEvent {
  return { ...e, ...changes, version: e.version + 1 } as CanonicalEvent;
}
export function voidOf(e: CanonicalEvent): CanonicalEvent {
  return { ...e, voided: true, version: e.version + 1 };
}

/** Feeds events one at a time through a store and keeps rolled-up counters, like the aggregator would. */
export class Harness {
  readonly store: InMemorySubjectStore;
  readonly counters = new InMemoryCounters();
  constructor(readonly catalogue: readonly IndicatorDefinition[] = CATALOGUE) {
    this.store = new InMemorySubjectStore(catalogue);
  }
  send(...events: CanonicalEvent[]): this {
    for (const e of events) this.counters.add(this.store.apply(e));
    return this;
  }
  rows(): CounterRow[] {
    return this.counters.all();
  }
  counter(indicator: string, measure: string, level: RegionLevel, region: string, period: string, dims = ''): number {
    return (
      this.rows().find(
        (r) => r.indicator === indicator && r.measure === measure && r.level === level && r.region === region && r.period === period && r.dims === dims,
      )?.value ?? 0
    );
  }
  read(code: string, period: string, level: RegionLevel, region: string, options: ReadOptions = {}): IndicatorReading {
    const def = findIndicator(code, this.catalogue);
    if (!def) throw new Error(`unknown indicator ${code}`);
    return readIndicatorFromRows(this.rows(), def, period, { level, region, ...options });
  }
}
