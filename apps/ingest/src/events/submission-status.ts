import { HttpStatus } from '@nestjs/common';
import type { IntakeOutcome } from './intake-outcome';

/**
 * The HTTP status of a submission. A batch is 202 with one result per event, whatever they are.
 * A single event is 202 when accepted or a duplicate, 403 when the key may not report for its
 * institution, 422 when rejected: a plain client sees a failure without reading the body.
 */
export function submissionStatus(batch: boolean, outcomes: IntakeOutcome[]): HttpStatus {
  if (batch) return HttpStatus.ACCEPTED;
  const [outcome] = outcomes;
  if (outcome.status !== 'rejected') return HttpStatus.ACCEPTED;
  return outcome.errors.some((e) => e.code === 'forbidden_institution') ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY;
}
