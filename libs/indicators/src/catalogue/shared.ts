import type { Granularity } from '@lib/periods';
import { RegionLevel, SubjectSpec } from '../indicator.types';

export const ALL_PERIODS: readonly Granularity[] = ['day', 'month', 'quarter', 'year'];
/** Surveillance reads ISO weeks too (疫情周报). */
export const SURVEILLANCE_PERIODS: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];
export const COUNTY_AND_UP: readonly RegionLevel[] = ['county', 'city', 'province'];
export const INSTITUTION_AND_UP: readonly RegionLevel[] = ['institution', 'county', 'city', 'province'];

/** A visit is an outpatient, emergency or admission event; a discharge closes an admission and is not another visit. */
export const VISIT_ACTIONS = ['outpatient', 'emergency', 'admission'] as const;

/**
 * Default minimum cases before a value is judged (IndicatorDefinition.minDenominator), by what is
 * counted: a share of hundreds of visits moves by a point with a handful of them, a share of tens of
 * admissions or patients by several points with one. Targets may set their own.
 */
export const MIN_DENOMINATOR = {
  visits: 300,
  admissions: 30,
  /** Patients, children of a cohort, newborns: distinct persons. */
  persons: 30,
  /** Uploaded populations (residents, women 35–64): a region smaller than this is not judged. */
  populations: 100,
  referrals: 20,
  /** Counted services (home visits): a yearly count is judged once its pro-rata expectation reaches this. */
  services: 10,
} as const;

/** Subjects shared by several indicators (same prefix ⇒ same identifying facts; checked by validateCatalogue). */
export const SUBJECTS = {
  event: { prefix: 'evt', by: ['institutionId', 'eventId'] },
  referral: { prefix: 'ref', by: ['fromInstitutionId', 'referralId'] },
  vaccination: { prefix: 'vax', by: ['person', 'vaccine', 'dose'] },
  screening: { prefix: 'scr', by: ['person', 'programme'] },
  familyDoctor: { prefix: 'fd', by: ['person'] },
  chronic: { prefix: 'chronic', by: ['person', 'condition'] },
} as const satisfies Record<string, SubjectSpec>;
