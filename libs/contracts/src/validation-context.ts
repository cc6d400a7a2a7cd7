import { HealthEvent, InstitutionFacts } from './event.types';
import { EventError } from './rejection-codes';

/** What the registry knows about an institution id. */
export interface InstitutionLookup {
  facts: InstitutionFacts;
  /** Closed or suspended institutions stay registered (old events still resolve) but may not report. */
  active: boolean;
}

/** What the registry knows about a region code; superseded codes (旬阳 610928 → 610981) resolve to the current one. */
export interface RegionLookup {
  current: string;
}

/**
 * Everything `validateEvent` needs from outside, passed in so that validation stays pure: the clock
 * and the registry as plain functions (ingest backs them with a cached registry, tests with maps).
 */
export interface ValidationContext {
  now: Date;
  /** How far `occurredAt` may lie ahead of `now` (sender clocks drift). */
  maxClockSkewMs: number;
  /** How far back `occurredAt` may lie (the horizon; older periods are closed). */
  maxAgeMs: number;
  institution(id: string): InstitutionLookup | undefined;
  region(code: string): RegionLookup | undefined;
}

export interface AcceptedEvent {
  ok: true;
  /**
   * The event with defaults filled in (`version` 1, `voided` false, `person.idType` resident_id),
   * `person.id` in its one canonical spelling (still in clear: ingest pseudonymises it) and
   * `person.residenceRegion` mapped to the current code.
   */
  event: HealthEvent;
  /** Registry facts of the reporting institution, resolved here so ingest need not look again. */
  institution: InstitutionFacts;
  /** For referrals (when not voided): both parties, whose levels give the direction. */
  referralParties?: { from: InstitutionFacts; to: InstitutionFacts };
}

export interface RejectedEvent {
  ok: false;
  /** At least one; at most `MAX_REPORTED_ERRORS`. */
  errors: EventError[];
}

export type ValidationResult = AcceptedEvent | RejectedEvent;
