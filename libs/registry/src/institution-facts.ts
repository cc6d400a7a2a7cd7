import type { InstitutionFacts } from '@lib/contracts';
import { isPrimaryCareLevel } from './care-level';
import type { Institution } from './registry.types';

/** The facts ingest stamps on a canonical event: only what consumers need, not names or state. */
export function institutionFacts(i: Institution): InstitutionFacts {
  return { id: i.id, county: i.county, type: i.type, level: i.level };
}

/** Whether visits there count as primary care (基层就诊率's numerator). */
export function isPrimaryCare(i: Pick<InstitutionFacts, 'level'>): boolean {
  return isPrimaryCareLevel(i.level);
}
