import {
  ChronicFollowupEvent,
  DeletedDiseaseReportEvent,
  DiseaseReportEvent,
  EventType,
  FamilyDoctorEvent,
  HealthEvent,
  InstitutionFacts,
  ReferralEvent,
  ScreeningEvent,
  SyndromicCountEvent,
  VaccinationEvent,
  VisitEvent,
} from './event.types';
import { ValidationContext } from './validation-context';

/**
 * Valid example events of every type and action, for API documentation and tests across the repo.
 * Demo data from Ankang (安康市, 610900). Resident IDs are made up but carry correct GB 11643 check
 * characters, and their embedded birth date and sex digit agree with `birthDate` and `sex`.
 * Each event is valid under `exampleValidationContext()` (clock at `EXAMPLE_NOW`).
 */

export const EXAMPLE_NOW = new Date('2024-03-20T12:00:00+08:00');

/** Registered demo institutions, one per kind the examples need. */
export const EXAMPLE_INSTITUTIONS = {
  villageClinic: { id: '610921-VC-001', county: '610921', type: 'village_clinic', level: 1 },
  townshipCenter: { id: '610921-THC-001', county: '610921', type: 'township_health_center', level: 2 },
  countyHospital: { id: '610921-CH-001', county: '610921', type: 'county_hospital', level: 3 },
  countyMchHospital: { id: '610921-MCH-001', county: '610921', type: 'county_mch_hospital', level: 3 },
  communityCenter: { id: '610981-CHC-001', county: '610981', type: 'community_health_center', level: 2 },
  cityHospital: { id: '610902-CITY-001', county: '610902', type: 'city_hospital', level: 4 },
} as const satisfies Record<string, InstitutionFacts>;

/** Ankang's counties (GB/T 2260), each current, plus 旬阳's superseded county code mapped to the city-level 610981. */
export const EXAMPLE_REGIONS: Readonly<Record<string, string>> = {
  '610902': '610902', // 汉滨区
  '610921': '610921', // 汉阴县
  '610922': '610922', // 石泉县
  '610923': '610923', // 宁陕县
  '610924': '610924', // 紫阳县
  '610925': '610925', // 岚皋县
  '610926': '610926', // 平利县
  '610927': '610927', // 镇坪县
  '610929': '610929', // 白河县
  '610981': '610981', // 旬阳市
  '610928': '610981', // 旬阳县, superseded
};

/** A clock and registry under which every example is valid; override parts in tests. */
export function exampleValidationContext(overrides: Partial<ValidationContext> = {}): ValidationContext {
  const institutions = new Map<string, InstitutionFacts>(Object.values(EXAMPLE_INSTITUTIONS).map((i) => [i.id, i]));
  return {
    now: EXAMPLE_NOW,
    maxClockSkewMs: 5 * 60_000,
    maxAgeMs: 400 * 86_400_000,
    institution: (id) => {
      const facts = institutions.get(id);
      return facts && { facts, active: true };
    },
    region: (code) => (Object.prototype.hasOwnProperty.call(EXAMPLE_REGIONS, code) ? { current: EXAMPLE_REGIONS[code] } : undefined),
    ...overrides,
  };
}

const I = EXAMPLE_INSTITUTIONS;

/** Example people (idType defaults to resident_id). */
export const EXAMPLE_PEOPLE = {
  man1990: { id: '610921199001011234', sex: 'M', birthDate: '1990-01-01', residenceRegion: '610921' },
  woman1985: { id: '610921198506120028', sex: 'F', birthDate: '1985-06-12', residenceRegion: '610921' },
  man1952: { id: '610921195207080034', sex: 'M', birthDate: '1952-07-08', residenceRegion: '610921' },
  woman1960: { id: '610921196002150064', sex: 'F', birthDate: '1960-02-15', residenceRegion: '610921' },
  girl2023: { id: '610921202309200028', sex: 'F', birthDate: '2023-09-20', residenceRegion: '610921' },
  boy2023: { id: '610921202303150015', sex: 'M', birthDate: '2023-03-15', residenceRegion: '610921' },
} as const;

const P = EXAMPLE_PEOPLE;

const visits: VisitEvent[] = [
  {
    eventId: 'HIS-0001-2024-000123',
    version: 1,
    voided: false,
    type: 'visit',
    action: 'outpatient',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-15T09:30:00+08:00',
    person: { ...P.man1990 },
    cost: 86.5,
    tcmPrescription: true,
    tcmNonDrugTherapy: false,
  },
  {
    eventId: 'HIS-0002-2024-000456',
    version: 1,
    voided: false,
    type: 'visit',
    action: 'emergency',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-16T23:05:00+08:00',
    person: { ...P.woman1960 },
    cost: 412,
  },
  {
    eventId: 'HIS-0002-2024-000457',
    version: 1,
    voided: false,
    type: 'visit',
    action: 'admission',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-17T08:00:00+08:00',
    person: { ...P.man1952 },
    cost: 5230.8,
  },
  {
    eventId: 'HIS-0002-2024-000458',
    version: 1,
    voided: false,
    type: 'visit',
    action: 'discharge',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-19T10:00:00+08:00',
    person: { ...P.man1952 },
  },
];

const referrals: ReferralEvent[] = [
  {
    eventId: 'REF-THC001-0001-I',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'initiated',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-15T10:00:00+08:00',
    referralId: 'ZZ-610921-2024-0001',
    fromInstitutionId: I.townshipCenter.id,
    toInstitutionId: I.countyHospital.id,
    reason: 'Suspected acute appendicitis; surgery not available on site',
    person: { id: P.man1990.id },
  },
  {
    eventId: 'REF-CH001-0001-A',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'accepted',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-15T11:20:00+08:00',
    referralId: 'ZZ-610921-2024-0001',
    fromInstitutionId: I.townshipCenter.id,
    toInstitutionId: I.countyHospital.id,
  },
  {
    eventId: 'REF-CH001-0001-C',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'completed',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-15T14:45:00+08:00',
    referralId: 'ZZ-610921-2024-0001',
    fromInstitutionId: I.townshipCenter.id,
    toInstitutionId: I.countyHospital.id,
  },
  {
    eventId: 'REF-CITY001-0042-I',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'initiated',
    institutionId: I.cityHospital.id,
    occurredAt: '2024-03-18T09:00:00+08:00',
    referralId: 'ZZ-610902-2024-0042',
    fromInstitutionId: I.cityHospital.id,
    toInstitutionId: I.townshipCenter.id,
    reason: 'Stable after surgery; rehabilitation near home (下转)',
  },
  {
    eventId: 'REF-THC001-0042-R',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'rejected',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-18T15:00:00+08:00',
    referralId: 'ZZ-610902-2024-0042',
    fromInstitutionId: I.cityHospital.id,
    toInstitutionId: I.townshipCenter.id,
    reason: 'No rehabilitation bed free this week',
  },
  {
    eventId: 'REF-VC001-0007-X',
    version: 1,
    voided: false,
    type: 'referral',
    action: 'cancelled',
    institutionId: I.villageClinic.id,
    occurredAt: '2024-03-19T08:30:00+08:00',
    referralId: 'ZZ-610921-2024-0007',
    fromInstitutionId: I.villageClinic.id,
    toInstitutionId: I.townshipCenter.id,
  },
];

const vaccinations: VaccinationEvent[] = [
  {
    eventId: 'EPI-THC001-2024-0311',
    version: 1,
    voided: false,
    type: 'vaccination',
    action: 'dose',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-11T09:15:00+08:00',
    person: { ...P.girl2023 },
    vaccine: 'HepB',
    dose: 3,
  },
  {
    eventId: 'EPI-THC001-2024-0312',
    version: 1,
    voided: false,
    type: 'vaccination',
    action: 'dose',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-12T10:40:00+08:00',
    person: { ...P.boy2023 },
    vaccine: 'MMR',
    dose: 1,
  },
];

const screenings: ScreeningEvent[] = [
  {
    eventId: 'SCR-MCH001-2024-0077',
    version: 1,
    voided: false,
    type: 'screening',
    action: 'screened',
    institutionId: I.countyMchHospital.id,
    occurredAt: '2024-03-14T10:00:00+08:00',
    person: { ...P.woman1985 },
    programme: 'cervical',
    result: 'normal',
  },
  {
    eventId: 'SCR-MCH001-2024-0078',
    version: 1,
    voided: false,
    type: 'screening',
    action: 'screened',
    institutionId: I.countyMchHospital.id,
    occurredAt: '2024-03-14T10:30:00+08:00',
    person: { ...P.woman1985 },
    programme: 'breast',
    result: 'referred',
  },
];

const familyDoctor: FamilyDoctorEvent[] = [
  {
    eventId: 'FD-THC001-2024-0101',
    version: 1,
    voided: false,
    type: 'family_doctor',
    action: 'contract_signed',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-01-08T09:00:00+08:00',
    person: { ...P.man1952 },
    teamId: '610921-THC-001-T03',
    priorityGroups: ['elderly_65', 'hypertension'],
  },
  {
    eventId: 'FD-THC001-2024-0102',
    version: 1,
    voided: false,
    type: 'family_doctor',
    action: 'contract_renewed',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-01-09T09:00:00+08:00',
    person: { ...P.woman1960 },
    teamId: '610921-THC-001-T03',
    priorityGroups: ['diabetes', 'low_income'],
  },
  {
    eventId: 'FD-THC001-2024-0103',
    version: 1,
    voided: false,
    type: 'family_doctor',
    action: 'contract_cancelled',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-02-01T09:00:00+08:00',
    person: { ...P.man1990 },
    teamId: '610921-THC-001-T01',
    priorityGroups: [],
  },
  {
    eventId: 'FD-THC001-2024-0140',
    version: 1,
    voided: false,
    type: 'family_doctor',
    action: 'service',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-13T15:30:00+08:00',
    person: { ...P.man1952 },
    teamId: '610921-THC-001-T03',
    serviceKind: 'home_visit',
  },
];

const chronicFollowups: ChronicFollowupEvent[] = [
  {
    eventId: 'NCD-THC001-2024-0009',
    version: 1,
    voided: false,
    type: 'chronic_followup',
    action: 'registration',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-01-10T09:00:00+08:00',
    person: { ...P.man1952 },
    condition: 'hypertension',
  },
  {
    eventId: 'NCD-THC001-2024-0031',
    version: 1,
    voided: false,
    type: 'chronic_followup',
    action: 'followup',
    institutionId: I.villageClinic.id,
    occurredAt: '2024-03-10T09:00:00+08:00',
    person: { ...P.man1952 },
    condition: 'hypertension',
    controlled: true,
  },
  {
    eventId: 'NCD-THC001-2024-0032',
    version: 1,
    voided: false,
    type: 'chronic_followup',
    action: 'followup',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-10T10:00:00+08:00',
    person: { ...P.woman1960 },
    condition: 'diabetes',
    controlled: false,
  },
];

const diseaseReports: Array<DiseaseReportEvent | DeletedDiseaseReportEvent> = [
  {
    eventId: 'NNDRS-CH001-2024-0051',
    version: 1,
    voided: false,
    type: 'disease_report',
    action: 'reported',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-18T10:20:00+08:00',
    person: { ...P.boy2023 },
    disease: 'measles',
    classification: 'suspected',
    onsetDate: '2024-03-15',
    diagnosedAt: '2024-03-18T09:40:00+08:00',
  },
  {
    // 订正: the laboratory confirmed the suspected case; the card keeps its eventId and report time.
    eventId: 'NNDRS-CH001-2024-0051',
    version: 2,
    voided: false,
    type: 'disease_report',
    action: 'revised',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-18T10:20:00+08:00',
    person: { ...P.boy2023 },
    disease: 'measles',
    classification: 'confirmed',
    onsetDate: '2024-03-15',
    diagnosedAt: '2024-03-18T09:40:00+08:00',
  },
  {
    eventId: 'NNDRS-THC001-2024-0012',
    version: 1,
    voided: false,
    type: 'disease_report',
    action: 'reported',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-19T16:05:00+08:00',
    person: { ...P.man1952 },
    disease: 'cholera',
    classification: 'clinical',
    onsetDate: '2024-03-18',
    diagnosedAt: '2024-03-19T15:30:00+08:00',
  },
  {
    // 查重: a second card for a patient already reported; only the envelope is needed to delete it.
    eventId: 'NNDRS-THC001-2024-0009',
    version: 2,
    voided: false,
    type: 'disease_report',
    action: 'deleted',
    institutionId: I.townshipCenter.id,
    occurredAt: '2024-03-12T11:00:00+08:00',
  },
];

const syndromicCounts: SyndromicCountEvent[] = [
  {
    eventId: 'SYN-CH001-20240319',
    version: 1,
    voided: false,
    type: 'syndromic_count',
    action: 'daily',
    institutionId: I.countyHospital.id,
    occurredAt: '2024-03-19T23:59:00+08:00',
    date: '2024-03-19',
    feverClinicVisits: 42,
    iliCases: 37,
    outpatientVisits: 1260,
  },
];

/** Valid examples by type; together they use every action of every type. */
export const EXAMPLE_EVENTS: { readonly [T in EventType]: readonly Extract<HealthEvent, { type: T }>[] } = {
  visit: visits,
  referral: referrals,
  vaccination: vaccinations,
  screening: screenings,
  family_doctor: familyDoctor,
  chronic_followup: chronicFollowups,
  disease_report: diseaseReports,
  syndromic_count: syndromicCounts,
};

/** Withdrawing the first visit: the same `eventId`, a higher `version`, and only the envelope. */
export const EXAMPLE_VOIDED_EVENT = {
  eventId: 'HIS-0001-2024-000123',
  version: 2,
  voided: true,
  type: 'visit',
  action: 'outpatient',
  institutionId: I.townshipCenter.id,
  occurredAt: '2024-03-15T09:30:00+08:00',
} as const;
