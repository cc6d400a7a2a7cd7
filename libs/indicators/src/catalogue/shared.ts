import type { Granularity } from '@lib/periods';
import { RegionLevel, SubjectSpec } from '../indicator.types';

export const ALL_PERIODS: readonly Granularity[] = ['day', 'month', 'quarter', 'year'];
export const COUNTY_AND_UP: readonly RegionLevel[] = ['county', 'city', 'province'];
export const INSTITUTION_AND_UP: readonly RegionLevel[] = ['institution', 'county', 'city', 'province'];

/** A visit is an outpatient, emergency or admission event; a discharge closes an admission and is not another visit. */
export const VISIT_ACTIONS = ['outpatient', 'emergency', 'admission'] as const;

/** Subjects shared by several indicators (same prefix ⇒ same identifying facts; checked by validateCatalogue). */
export const SUBJECTS = {
  event: { prefix: 'evt', by: ['institutionId', 'eventId'] },
  referral: { prefix: 'ref', by: ['fromInstitutionId', 'referralId'] },
  vaccination: { prefix: 'vax', by: ['person', 'vaccine', 'dose'] },
  screening: { prefix: 'scr', by: ['person', 'programme'] },
  familyDoctor: { prefix: 'fd', by: ['person'] },
  chronic: { prefix: 'chronic', by: ['person', 'condition'] },
} as const satisfies Record<string, SubjectSpec>;
