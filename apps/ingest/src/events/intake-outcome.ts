import type { EventError, RejectionCode } from '@lib/contracts';

/**
 * Reasons the door adds to the contract's rejection codes. The raw Kafka door adds two of its own
 * for a message whose record batch could not be decompressed: `decompressed_too_large` (it inflates
 * beyond the limit) and `undecodable_batch` (its compressed bytes are corrupt); and two for a
 * message not bound to its institution: `unauthenticated_producer` (unsigned, or a signature that
 * does not verify with an unrevoked API key) and `institution_mismatch` (signed by another
 * institution's key).
 */
export type DoorRejectionCode =
  | RejectionCode
  | 'forbidden_institution'
  | 'invalid_json'
  | 'decompressed_too_large'
  | 'undecodable_batch'
  | 'unauthenticated_producer'
  | 'institution_mismatch';

export interface DoorError extends Omit<EventError, 'code'> {
  code: DoorRejectionCode;
}

/** What happened to one submitted event (CONTRACT.md: accepted, duplicate, or rejected with errors). */
export type IntakeOutcome =
  { status: 'accepted' | 'duplicate'; eventId: string; version: number } | { status: 'rejected'; eventId?: string; errors: DoorError[] };

export const forbiddenInstitution = (): DoorError => ({
  path: 'institutionId',
  code: 'forbidden_institution',
  message: 'This API key may only report events of its own institution',
});

/** The events could not be made durable on the canonical topic (broker unreachable, not enough replicas). */
export class EventsNotDurableError extends Error {
  constructor(cause: unknown) {
    super(`events could not be made durable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'EventsNotDurableError';
  }
}
