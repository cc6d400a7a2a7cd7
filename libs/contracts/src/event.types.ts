/**
 * Event contract v1 (shared/CONTRACT.md) as plain types. The class-validator DTOs that check
 * incoming JSON implement these; the indicator engine reads them. `person.id` is the clear
 * resident ID on the raw side and the keyed pseudonym on the canonical side.
 */

export const EVENT_TYPES = ['visit', 'referral', 'vaccination', 'screening', 'family_doctor', 'chronic_followup', 'disease_report', 'syndromic_count'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const VISIT_ACTIONS = ['outpatient', 'emergency', 'admission', 'discharge'] as const;
export const REFERRAL_ACTIONS = ['initiated', 'accepted', 'rejected', 'completed', 'cancelled'] as const;
export const VACCINATION_ACTIONS = ['dose'] as const;
export const SCREENING_ACTIONS = ['screened'] as const;
export const FAMILY_DOCTOR_ACTIONS = ['contract_signed', 'contract_renewed', 'contract_cancelled', 'service'] as const;
export const CHRONIC_FOLLOWUP_ACTIONS = ['registration', 'followup'] as const;
/** 传染病报告卡: first report, 订正 (diagnosis or classification changed), 删除 (查重/误报). */
export const DISEASE_REPORT_ACTIONS = ['reported', 'revised', 'deleted'] as const;
export const SYNDROMIC_COUNT_ACTIONS = ['daily'] as const;

export const ACTIONS_BY_TYPE = {
  visit: VISIT_ACTIONS,
  referral: REFERRAL_ACTIONS,
  vaccination: VACCINATION_ACTIONS,
  screening: SCREENING_ACTIONS,
  family_doctor: FAMILY_DOCTOR_ACTIONS,
  chronic_followup: CHRONIC_FOLLOWUP_ACTIONS,
  disease_report: DISEASE_REPORT_ACTIONS,
  syndromic_count: SYNDROMIC_COUNT_ACTIONS,
} as const satisfies Record<EventType, readonly string[]>;

/** National immunisation programme (国家免疫规划) vaccine codes accepted in v1. */
export const VACCINE_CODES = [
  'HepB',
  'BCG',
  'IPV',
  'bOPV',
  'OPV',
  'DTaP',
  'DT',
  'MMR',
  'MR',
  'JE-L',
  'JE-I',
  'MPSV-A',
  'MPSV-AC',
  'HepA-L',
  'HepA-I',
  'Var',
] as const;
export const SCREENING_PROGRAMMES = ['cervical', 'breast', 'newborn', 'congenital_heart', 'lung_function', 'cancer_early'] as const;
export const SCREENING_RESULTS = ['normal', 'abnormal', 'referred'] as const;
export const PRIORITY_GROUPS = ['elderly_65', 'hypertension', 'diabetes', 'smd', 'low_income'] as const;
export const SERVICE_KINDS = ['follow_up', 'home_visit', 'health_check'] as const;
export const CHRONIC_CONDITIONS = ['hypertension', 'diabetes', 'smd'] as const;
/** Case classification of a report card (病例分类): 疑似病例, 临床诊断病例, 确诊病例, 病原携带者. */
export const CASE_CLASSIFICATIONS = ['suspected', 'clinical', 'confirmed', 'carrier'] as const;
export const SEXES = ['M', 'F'] as const;
/** Identifier kinds for `person.idType`; a resident ID (居民身份证) is the default and is checksum-verified. */
export const PERSON_ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_resident', 'birth_certificate'] as const;

export type VaccineCode = (typeof VACCINE_CODES)[number];
export type ScreeningProgramme = (typeof SCREENING_PROGRAMMES)[number];
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type ChronicCondition = (typeof CHRONIC_CONDITIONS)[number];
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];
export type Sex = (typeof SEXES)[number];
export type PersonIdType = (typeof PERSON_ID_TYPES)[number];

export interface Person {
  /** Clear ID on the raw side; `hmac-sha256:<keyId>:<hex>` pseudonym on the canonical side. */
  id: string;
  idType?: PersonIdType;
  sex?: Sex;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** 6-digit GB/T 2260 county code of residence. */
  residenceRegion?: string;
}

/**
 * The person as the canonical topic carries it. The full birth date, with sex and county, singles
 * out most people beside their pseudonym; the indicators need only the birth cohort and the age on
 * the day of the event, so the door derives those and forwards no birth date.
 */
export interface CanonicalPerson {
  /** `hmac-sha256:<keyId>:<hex>` pseudonym. */
  id: string;
  idType?: PersonIdType;
  sex?: Sex;
  /** YYYY-MM; its year is the vaccination birth cohort. */
  birthYearMonth?: string;
  /** Completed years on the CST day of `occurredAt` (two-cancer screening counts women aged 35–64), from the full birth date. */
  ageYears?: number;
  residenceRegion?: string;
}

interface EventBase<T extends EventType, A extends string> {
  eventId: string;
  version: number;
  voided: boolean;
  type: T;
  action: A;
  institutionId: string;
  /** ISO 8601 with offset; periods are computed from it in China Standard Time. */
  occurredAt: string;
  person?: Person;
}

export interface VisitEvent extends EventBase<'visit', (typeof VISIT_ACTIONS)[number]> {
  person: Person;
  cost?: number;
  tcmPrescription?: boolean;
  tcmNonDrugTherapy?: boolean;
}

export interface ReferralEvent extends EventBase<'referral', (typeof REFERRAL_ACTIONS)[number]> {
  referralId: string;
  fromInstitutionId: string;
  toInstitutionId: string;
  reason?: string;
}

export interface VaccinationEvent extends EventBase<'vaccination', 'dose'> {
  person: Person;
  vaccine: VaccineCode;
  dose: number;
}

export interface ScreeningEvent extends EventBase<'screening', 'screened'> {
  person: Person;
  programme: ScreeningProgramme;
  result: ScreeningResult;
}

export interface FamilyDoctorEvent extends EventBase<'family_doctor', (typeof FAMILY_DOCTOR_ACTIONS)[number]> {
  person: Person;
  teamId: string;
  priorityGroups?: PriorityGroup[];
  serviceKind?: ServiceKind;
}

export interface ChronicFollowupEvent extends EventBase<'chronic_followup', (typeof CHRONIC_FOLLOWUP_ACTIONS)[number]> {
  person: Person;
  condition: ChronicCondition;
  controlled?: boolean;
}

/**
 * A notifiable-disease report card (传染病报告卡). The card is the event: `reported` is its first
 * version, a revision (订正) or deletion (查重/误报) resends the same `eventId` with a higher version,
 * so only the card's latest state counts. `occurredAt` is when the card was filled in (报告时间), the
 * period a case counts in; `diagnosedAt` starts the reporting clock. `disease` is a code of
 * `NOTIFIABLE_DISEASES`, whose class (甲/乙/丙) follows from it.
 */
export interface DiseaseReportEvent extends EventBase<'disease_report', 'reported' | 'revised'> {
  person: Person;
  disease: string;
  classification: CaseClassification;
  /** YYYY-MM-DD, CST: the day symptoms began (发病日期). */
  onsetDate: string;
  /** ISO 8601 with offset: when the diagnosis was made (诊断时间). */
  diagnosedAt: string;
}

/** A deleted card (查重/误报) needs only its identity; whatever else it carries is checked as on a report. */
export interface DeletedDiseaseReportEvent
  extends EventBase<'disease_report', 'deleted'>, Partial<Pick<DiseaseReportEvent, 'person' | 'disease' | 'classification' | 'onsetDate' | 'diagnosedAt'>> {}

/**
 * One institution's counts for one day (发热门诊, 流感样病例哨点): no person. `occurredAt` lies within
 * `date` (CST), so the counts land in that day's periods; one event per institution and day, corrected
 * by a higher version of the same `eventId`.
 */
export interface SyndromicCountEvent extends EventBase<'syndromic_count', 'daily'> {
  person?: never;
  /** YYYY-MM-DD, CST: the day counted. */
  date: string;
  feverClinicVisits: number;
  /** Influenza-like illness (流感样病例): fever ≥ 38 °C with cough or sore throat. */
  iliCases: number;
  outpatientVisits: number;
}

export type HealthEvent =
  | VisitEvent
  | ReferralEvent
  | VaccinationEvent
  | ScreeningEvent
  | FamilyDoctorEvent
  | ChronicFollowupEvent
  | DiseaseReportEvent
  | DeletedDiseaseReportEvent
  | SyndromicCountEvent;

export const INSTITUTION_TYPES = [
  'village_clinic',
  'community_health_station',
  'township_health_center',
  'community_health_center',
  'county_hospital',
  'county_tcm_hospital',
  'county_mch_hospital',
  'city_hospital',
  'provincial_hospital',
  'out_of_network',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
/** Level of care: 1 village · 2 township/community (1–2 are primary care, 基层) · 3 county · 4 city · 5 province. */
export type CareLevel = 1 | 2 | 3 | 4 | 5;

/** Registry facts about an institution, resolved at the door so consumers need no lookups. */
export interface InstitutionFacts {
  id: string;
  /** 6-digit county code where the institution is located. */
  county: string;
  type: InstitutionType;
  level: CareLevel;
}

/** An event as forwarded: the canonical person, and no free text (a referral's `reason` stays at the door). */
type Forwarded<E> = E extends HealthEvent
  ? Omit<E, 'person' | 'reason'> & (undefined extends E['person'] ? { person?: CanonicalPerson } : { person: CanonicalPerson })
  : never;

/**
 * What ingest puts on `health.events.v1` (keyed by `institution.county`): the validated event with
 * the canonical person (pseudonym, birth year-month, age; `residenceRegion` mapped to a current
 * code), without free text, plus registry facts.
 */
export type CanonicalEvent = Forwarded<HealthEvent> & {
  institution: InstitutionFacts;
  /** For referrals: both parties, whose levels give the direction (up/down/lateral). */
  referralParties?: { from: InstitutionFacts; to: InstitutionFacts };
  /** When ingest accepted it (ISO 8601). */
  receivedAt: string;
  /**
   * On a later version of a disease report card: when ingest accepted the card's first version
   * (reporting timeliness is judged on it, so a revision does not reset it). Absent when this version
   * is the first the door received.
   */
  firstReceivedAt?: string;
  /** Set on events a bulk import brought (the id of its `event_imports` row); absent on events reported live. */
  importId?: string;
};
