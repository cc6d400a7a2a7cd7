import type { CareLevel } from '@lib/contracts';
import { defaultCareLevel, isCareLevel, isInstitutionType } from './care-level';
import { isInstitutionId } from './institution-id';
import type { RegionDirectory } from './region-directory';
import type { Institution } from './registry.types';

/** What an operator posts to register an institution (`POST /v1/admin/institutions`). */
export interface InstitutionRegistration {
  id: unknown;
  name: unknown;
  county: unknown;
  type: unknown;
  level?: unknown;
  active?: unknown;
}

export interface RegistrationProblem {
  path: 'id' | 'name' | 'county' | 'type' | 'level' | 'active';
  code: 'invalid' | 'unknown_region' | 'not_a_county';
  message: string;
}

export type RegistrationResult = { ok: true; institution: Institution } | { ok: false; problems: RegistrationProblem[] };

/**
 * Checks a registration against the regions and fills in what the contract defaults: the level
 * from the type, and a superseded county code mapped to its current one (so events never need to).
 *
 * An institution sits in a county-level region, because county attribution is what the indicators
 * read. The exception is `out_of_network`: settlement data only says where a visit happened, often
 * no finer than a province, so its region may be any registered level (e.g. `OON-420000` at 420000).
 */
export function checkInstitutionRegistration(input: InstitutionRegistration, regions: RegionDirectory): RegistrationResult {
  const problems: RegistrationProblem[] = [];
  if (!isInstitutionId(input.id)) problems.push({ path: 'id', code: 'invalid', message: 'id must be 1–64 of A-Z a-z 0-9 . _ -' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) problems.push({ path: 'name', code: 'invalid', message: 'name is required' });
  const type = isInstitutionType(input.type) ? input.type : undefined;
  if (!type) problems.push({ path: 'type', code: 'invalid', message: `unknown institution type ${JSON.stringify(input.type)}` });

  let level: CareLevel | undefined;
  if (input.level === undefined || input.level === null) level = type ? defaultCareLevel(type) : undefined;
  else if (isCareLevel(input.level)) level = input.level;
  else problems.push({ path: 'level', code: 'invalid', message: 'level must be 1, 2, 3, 4 or 5' });

  if (input.active !== undefined && typeof input.active !== 'boolean') {
    problems.push({ path: 'active', code: 'invalid', message: 'active must be a boolean' });
  }

  const region = typeof input.county === 'string' ? regions.resolve(input.county) : undefined;
  if (!region) {
    problems.push({ path: 'county', code: 'unknown_region', message: `unknown region ${JSON.stringify(input.county)}` });
  } else if (region.level !== 'county' && type !== undefined && type !== 'out_of_network') {
    problems.push({ path: 'county', code: 'not_a_county', message: `${region.code} is a ${region.level}; institutions sit in a county` });
  }

  if (problems.length > 0 || !type || !level || !region) return { ok: false, problems };
  return {
    ok: true,
    institution: { id: input.id as string, name, county: region.code, type, level, active: input.active !== false },
  };
}
