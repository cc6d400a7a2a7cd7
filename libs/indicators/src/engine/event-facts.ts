import { cstDayOf, DayId } from '@lib/periods';
import { notifiableDisease, type CanonicalEvent } from '@lib/contracts';
import { FactValue } from '../indicator.types';
import { referralDirection } from './referral-direction';

/**
 * The flat facts of one event that filters, subject keys and dimensions refer to by name. Keeping
 * them in one place means a definition says `{ inResidenceCounty: true }` instead of code, and a
 * reader can see every fact an indicator may depend on here.
 */
export type EventFacts = Readonly<Record<string, FactValue | undefined>> & { day: DayId };

const COUNTY_CODE = /^\d{6}$/;

const BIRTH_YEAR_MONTH = /^(\d{4})-\d{2}$/;

/** Ingest validates what it derives; anything else simply makes cohort and age filters not match. */
function birthYear(e: CanonicalEvent): number | undefined {
  const match = BIRTH_YEAR_MONTH.exec(e.person?.birthYearMonth ?? '');
  return match ? Number(match[1]) : undefined;
}

function ageYears(e: CanonicalEvent): number | undefined {
  const age = e.person?.ageYears;
  return typeof age === 'number' && Number.isInteger(age) && age >= 0 ? age : undefined;
}

/**
 * 报告及时: from diagnosis to the door's receipt of the card's first version within the disease's
 * limit (2 h for 甲类 and 乙类甲管, 24 h otherwise). Undefined when the disease or a time is unknown,
 * and for a card a bulk import brought: its receipt is the import's, years after the original report
 * reached the national system, so loading a baseline's history would make every past card late.
 */
function reportedInTime(e: Extract<CanonicalEvent, { type: 'disease_report' }>): boolean | undefined {
  if (e.importId !== undefined) return undefined;
  const limitHours = notifiableDisease(e.disease ?? '')?.reportWithinHours;
  const diagnosed = Date.parse(e.diagnosedAt ?? '');
  const received = Date.parse(e.firstReceivedAt ?? e.receivedAt);
  if (limitHours === undefined || Number.isNaN(diagnosed) || Number.isNaN(received)) return undefined;
  return received - diagnosed <= limitHours * 3_600_000;
}

const factsOfEvent = new WeakMap<CanonicalEvent, EventFacts>();

/**
 * The facts of an event version. Computed once per event object and remembered while the object
 * lives: the aggregator asks for them several times per event (subjects, before, after).
 */
export function eventFacts(e: CanonicalEvent): EventFacts {
  let facts = factsOfEvent.get(e);
  if (!facts) {
    facts = computeFacts(e);
    factsOfEvent.set(e, facts);
  }
  return facts;
}

function computeFacts(e: CanonicalEvent): EventFacts {
  const day = cstDayOf(e.occurredAt);
  const residence = e.person?.residenceRegion && COUNTY_CODE.test(e.person.residenceRegion) ? e.person.residenceRegion : undefined;
  const facts: Record<string, FactValue | undefined> = {
    day,
    type: e.type,
    action: e.action,
    eventId: e.eventId,
    institutionId: e.institution?.id ?? e.institutionId,
    institutionCounty: e.institution?.county,
    institutionLevel: e.institution?.level,
    institutionType: e.institution?.type,
    person: e.person?.id,
    sex: e.person?.sex,
    residenceCounty: residence,
    // 县域内: the institution is in the county the person lives in.
    inResidenceCounty: residence !== undefined && e.institution?.county !== undefined ? residence === e.institution.county : undefined,
    // Age on the day of the event, worked out at the door from the full birth date (canonicalPerson).
    ageYears: ageYears(e),
    // Vaccination cohort = birth year (免疫规划 coverage is read per birth cohort).
    cohort: birthYear(e),
  };
  switch (e.type) {
    case 'visit':
      facts.cost = e.cost;
      facts.costFen = typeof e.cost === 'number' && Number.isFinite(e.cost) ? Math.round(e.cost * 100) : undefined;
      facts.tcmPrescription = e.tcmPrescription ?? false;
      facts.tcmNonDrugTherapy = e.tcmNonDrugTherapy ?? false;
      break;
    case 'referral': {
      facts.referralId = e.referralId;
      facts.fromInstitutionId = e.fromInstitutionId;
      facts.toInstitutionId = e.toInstitutionId;
      const parties = e.referralParties;
      // Without the registry's facts about both parties the direction is unknown; such a referral still counts for completion.
      facts.fromCounty = parties?.from.county ?? (e.institution?.id === e.fromInstitutionId ? e.institution.county : undefined);
      facts.fromLevel = parties?.from.level;
      facts.toLevel = parties?.to.level;
      facts.direction = parties ? referralDirection(parties.from.level, parties.to.level) : undefined;
      break;
    }
    case 'vaccination':
      facts.vaccine = e.vaccine;
      facts.dose = e.dose;
      break;
    case 'screening':
      facts.programme = e.programme;
      facts.result = e.result;
      break;
    case 'family_doctor':
      facts.teamId = e.teamId;
      facts.serviceKind = e.serviceKind;
      facts.priority = (e.priorityGroups?.length ?? 0) > 0;
      for (const g of e.priorityGroups ?? []) facts[`priority_${g}`] = true;
      break;
    case 'chronic_followup':
      facts.condition = e.condition;
      facts.controlled = e.controlled ?? false;
      break;
    case 'disease_report':
      facts.disease = e.disease;
      facts.classification = e.classification;
      facts.reportedInTime = reportedInTime(e);
      break;
    case 'syndromic_count':
      facts.feverClinicVisits = e.feverClinicVisits;
      facts.iliCases = e.iliCases;
      facts.outpatientVisits = e.outpatientVisits;
      break;
  }
  return facts as EventFacts;
}
