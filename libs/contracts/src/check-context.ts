import { ShapeCheck } from './check-shape';
import { checkDiseaseReportTimes, checkSyndromicCount, CleanRead } from './check-surveillance';
import { isWithin } from './error-paths';
import { InstitutionFacts } from './event.types';
import { EventError } from './rejection-codes';
import { chinaDateOf, parseOffsetTimestamp } from './timestamps';
import { ValidationContext } from './validation-context';

/**
 * Checks that need the clock or the registry. Each runs only on fields that passed the structural
 * check, so every value read here is a string of the expected shape. Exceptions thrown by the
 * registry functions are deliberately not caught: a registry outage is transient, and turning it
 * into a rejection would dead-letter a good event instead of retrying it.
 */

export interface ContextCheck {
  errors: EventError[];
  institution?: InstitutionFacts;
  referralParties?: { from: InstitutionFacts; to: InstitutionFacts };
  /** Current code of `person.residenceRegion` (differs when a superseded code was sent). */
  currentResidence?: string;
}

export function checkContext(shape: ShapeCheck, ctx: ValidationContext): ContextCheck {
  const result: ContextCheck = { errors: [] };
  const { dto, person } = shape;
  if (dto === undefined) return result;
  const failedPaths = shape.errors.map((e) => e.path);
  /** A field's value if it is a string that passed the structural check (nor did any enclosing object fail). */
  const clean = (path: string, value: unknown): string | undefined =>
    typeof value === 'string' && !failedPaths.some((failed) => isWithin(path, failed)) ? value : undefined;

  const now = ctx.now.getTime();
  const occurredAt = clean('occurredAt', dto.occurredAt);
  const occurredMs = occurredAt === undefined ? undefined : parseOffsetTimestamp(occurredAt);
  if (occurredMs !== undefined) result.errors.push(...checkOccurredAt(occurredMs, now, ctx));

  const institutionId = clean('institutionId', dto.institutionId);
  if (institutionId !== undefined) {
    const found = ctx.institution(institutionId);
    if (found === undefined) {
      result.errors.push({ path: 'institutionId', code: 'unknown_institution', message: 'institutionId is not a registered institution' });
    } else if (!found.active) {
      result.errors.push({
        path: 'institutionId',
        code: 'inactive_institution',
        message: 'institutionId is registered but not active; it may not report events',
      });
    } else {
      result.institution = found.facts;
    }
  }

  if (shape.type === 'referral') checkReferralParties(dto, clean, ctx, result);
  const cleanOf: CleanRead = (path, value, kind) =>
    (typeof value === kind && !failedPaths.some((failed) => isWithin(path, failed)) ? value : undefined) as never;
  if (shape.type === 'disease_report') result.errors.push(...checkDiseaseReportTimes(dto, cleanOf, occurredMs, now + ctx.maxClockSkewMs));
  if (shape.type === 'syndromic_count') result.errors.push(...checkSyndromicCount(dto, cleanOf, occurredMs));

  if (person !== undefined) {
    const region = clean('person.residenceRegion', person.residenceRegion);
    if (region !== undefined) {
      const found = ctx.region(region);
      if (found === undefined) {
        result.errors.push({ path: 'person.residenceRegion', code: 'unknown_region', message: 'person.residenceRegion is not a registered region code' });
      } else {
        result.currentResidence = found.current;
      }
    }
    const birthDate = clean('person.birthDate', person.birthDate);
    if (birthDate !== undefined) result.errors.push(...checkBirthDate(birthDate, now + ctx.maxClockSkewMs, occurredMs));
  }
  return result;
}

function checkOccurredAt(occurredMs: number, now: number, ctx: ValidationContext): EventError[] {
  if (occurredMs > now + ctx.maxClockSkewMs) {
    return [
      {
        path: 'occurredAt',
        code: 'future_timestamp',
        message: `occurredAt lies in the future (more than ${duration(ctx.maxClockSkewMs)} ahead of the server clock)`,
      },
    ];
  }
  if (occurredMs < now - ctx.maxAgeMs) {
    return [{ path: 'occurredAt', code: 'too_old', message: `occurredAt is older than the accepted horizon of ${duration(ctx.maxAgeMs)}` }];
  }
  return [];
}

/** Birth dates are CST calendar dates; compare them with CST dates, not UTC ones (a baby born at 00:30 CST). */
function checkBirthDate(birthDate: string, latestMs: number, occurredMs: number | undefined): EventError[] {
  if (birthDate > chinaDateOf(latestMs)) {
    return [{ path: 'person.birthDate', code: 'future_timestamp', message: 'person.birthDate lies in the future' }];
  }
  if (occurredMs !== undefined && birthDate > chinaDateOf(occurredMs)) {
    return [{ path: 'person.birthDate', code: 'invalid_value', message: 'person.birthDate is after the date of occurredAt (China Standard Time)' }];
  }
  return [];
}

function checkReferralParties(
  dto: Record<string, unknown>,
  clean: (path: string, value: unknown) => string | undefined,
  ctx: ValidationContext,
  result: ContextCheck,
): void {
  const parties: Partial<Record<'fromInstitutionId' | 'toInstitutionId', InstitutionFacts>> = {};
  for (const path of ['fromInstitutionId', 'toInstitutionId'] as const) {
    const id = clean(path, dto[path]);
    if (id === undefined) continue;
    // A party may have closed since; only the reporting institution must be active.
    const found = ctx.institution(id);
    if (found === undefined) {
      result.errors.push({ path, code: 'unknown_institution', message: `${path} is not a registered institution` });
    } else {
      parties[path] = found.facts;
    }
  }
  const from = clean('fromInstitutionId', dto.fromInstitutionId);
  const to = clean('toInstitutionId', dto.toInstitutionId);
  if (from !== undefined && from === to) {
    result.errors.push({ path: 'toInstitutionId', code: 'same_institution', message: 'toInstitutionId must differ from fromInstitutionId' });
  }
  // Only a party knows of a referral; a third institution reporting one would inflate another county's figures.
  const reporter = clean('institutionId', dto.institutionId);
  if (reporter !== undefined && from !== undefined && to !== undefined && reporter !== from && reporter !== to) {
    result.errors.push({
      path: 'institutionId',
      code: 'not_a_referral_party',
      message: 'institutionId must be fromInstitutionId or toInstitutionId of the referral',
    });
  }
  if (parties.fromInstitutionId && parties.toInstitutionId) {
    result.referralParties = { from: parties.fromInstitutionId, to: parties.toInstitutionId };
  }
}

/** "5 minutes", "400 days": limits in messages, in the largest whole unit. */
function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  }
  return `${ms} ms`;
}
