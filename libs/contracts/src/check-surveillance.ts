import { EventError } from './rejection-codes';
import { chinaDateOf, parseOffsetTimestamp } from './timestamps';

/** A field's value if it passed the structural check (see checkContext), else undefined. */
export type CleanRead = <T extends 'string' | 'number'>(path: string, value: unknown, kind: T) => (T extends 'string' ? string : number) | undefined;

/**
 * The order of a report card's times: symptoms begin (onsetDate) on or before the day of diagnosis
 * (diagnosedAt), which comes no later than the card (occurredAt), and none lies ahead of the clock.
 * A card out of this order would put a case in the wrong week or make a late report look timely.
 */
export function checkDiseaseReportTimes(dto: Record<string, unknown>, clean: CleanRead, occurredMs: number | undefined, latestMs: number): EventError[] {
  const errors: EventError[] = [];
  const diagnosedAt = clean('diagnosedAt', dto.diagnosedAt, 'string');
  const diagnosedMs = diagnosedAt === undefined ? undefined : parseOffsetTimestamp(diagnosedAt);
  if (diagnosedMs !== undefined) {
    if (diagnosedMs > latestMs) {
      errors.push({ path: 'diagnosedAt', code: 'future_timestamp', message: 'diagnosedAt lies in the future' });
    } else if (occurredMs !== undefined && diagnosedMs > occurredMs) {
      errors.push({
        path: 'diagnosedAt',
        code: 'invalid_value',
        message: 'diagnosedAt is after occurredAt: a card is filled in after the diagnosis it reports',
      });
    }
  }
  const onsetDate = clean('onsetDate', dto.onsetDate, 'string');
  if (onsetDate !== undefined) {
    if (onsetDate.replace(/-/g, '') > chinaDateOf(latestMs).replace(/-/g, '')) {
      errors.push({ path: 'onsetDate', code: 'future_timestamp', message: 'onsetDate lies in the future' });
    } else if (diagnosedMs !== undefined && onsetDate > chinaDateOf(diagnosedMs)) {
      errors.push({ path: 'onsetDate', code: 'invalid_value', message: 'onsetDate is after the date of diagnosedAt (China Standard Time)' });
    }
  }
  return errors;
}

/**
 * A day's counts land in the periods of `occurredAt`, so it must lie on the day counted; and ILI
 * cases and fever-clinic visits are among the site's outpatient visits (an ILI share above 100% is a
 * sending error, not an epidemic).
 */
export function checkSyndromicCount(dto: Record<string, unknown>, clean: CleanRead, occurredMs: number | undefined): EventError[] {
  const errors: EventError[] = [];
  const date = clean('date', dto.date, 'string');
  if (date !== undefined && occurredMs !== undefined && chinaDateOf(occurredMs) !== date) {
    errors.push({
      path: 'occurredAt',
      code: 'invalid_value',
      message: 'occurredAt must fall on date (China Standard Time): the counts belong to the day counted',
    });
  }
  const outpatientVisits = clean('outpatientVisits', dto.outpatientVisits, 'number');
  if (outpatientVisits !== undefined) {
    for (const path of ['iliCases', 'feverClinicVisits'] as const) {
      const count = clean(path, dto[path], 'number');
      if (count !== undefined && count > outpatientVisits) {
        errors.push({ path, code: 'invalid_value', message: `${path} exceeds outpatientVisits: they are counted among the outpatient visits` });
      }
    }
  }
  return errors;
}
