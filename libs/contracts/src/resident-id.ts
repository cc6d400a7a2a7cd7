import { PersonIdType } from './event.types';
import { isCalendarDate } from './timestamps';

/**
 * Person identifier checks. The resident ID number (居民身份证号码, GB 11643-1999) carries a check
 * digit, so typos are caught at the door instead of splitting one person into two pseudonyms.
 * Other identifier kinds have no public checksum; they get a plain format check.
 */

const RESIDENT_ID = /^\d{17}[\dXx]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** GB 11643 numbers are issued to people born from the 19th century on; earlier "births" are typos. */
const EARLIEST_BIRTH_YEAR = 1800;
const OTHER_ID = /^[A-Za-z0-9]{4,32}$/;

/** The check character (0-9 or X) for the first 17 digits of a resident ID, or undefined if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * True for an 18-character resident ID whose check character matches and whose embedded birth date
 * (characters 7–14, YYYYMMDD) is a real calendar date. A lower-case `x` is accepted because many
 * hospital systems export it that way; `normalizePersonId` upper-cases it.
 */
export function isValidResidentId(value: unknown): boolean {
  if (typeof value !== 'string' || !RESIDENT_ID.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < EARLIEST_BIRTH_YEAR || !isCalendarDate(year, month, day)) return false;
  return residentIdCheckChar(value.slice(0, 17)) === value[17].toUpperCase();
}

/** Format check by identifier kind; `idType` absent means a resident ID. */
export function isValidPersonId(value: unknown, idType: PersonIdType = 'resident_id'): boolean {
  if (idType === 'resident_id') return isValidResidentId(value);
  return typeof value === 'string' && OTHER_ID.test(value);
}

/**
 * One spelling per identifier, so that the keyed-hash pseudonym of a person does not depend on how a
 * system happened to case it (`...123x` and `...123X` are the same resident).
 */
export function normalizePersonId(value: string): string {
  return value.toUpperCase();
}

/**
 * Digit runs long enough to be a resident ID number: the 15-digit numbers issued before 1999 and the
 * 18-character ones (17 digits and a check character). Masking errs on the side of hiding: any run
 * of 15 or more digits is replaced wherever input is echoed (error paths, dead letters).
 */
const ID_LIKE_RUN = /\d{15,}[Xx]?/g;
export const MASKED_ID_NUMBER = '[id number masked]';

export function hasIdLikeRun(text: string): boolean {
  return new RegExp(ID_LIKE_RUN.source).test(text);
}

export function maskIdNumbers(text: string): string {
  return text.replace(ID_LIKE_RUN, MASKED_ID_NUMBER);
}

/**
 * True when `text` holds a GB 11643 number as a whole run of digits: 17 digits and a matching check
 * character, or exactly 15 digits. Identifier fields that must carry no personal data refuse these.
 * Longer runs are left alone (1 in 11 of their 18-digit windows would pass the checksum by chance),
 * though masking still hides them wherever they are echoed.
 */
export function containsResidentIdNumber(text: string): boolean {
  for (const [run] of text.matchAll(/\d+[Xx]?/g)) {
    if (run.length === 15 && /^\d{15}$/.test(run)) return true;
    if (run.length === 18 && residentIdCheckChar(run.slice(0, 17)) === run[17].toUpperCase()) return true;
  }
  return false;
}
