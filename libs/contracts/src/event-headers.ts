import { EVENT_TYPES } from './event.types';
import type { CanonicalEvent } from './event.types';
import { hasIdLikeRun } from './resident-id';

/**
 * The Kafka headers ingest sets on `health.events.v1` and `health.events.dlq.v1` records, so a router,
 * a tracer or `kcat -f '%h'` can tell what a record is without parsing its JSON. Named like the raw
 * door's signature headers (`hi-` for health indicators). Values are text (UTF-8); a header whose
 * value is not known is absent, never empty.
 */
export const EVENT_HEADERS = {
  /** The sender's `eventId`. */
  eventId: 'hi-event-id',
  /** The event's `type` (visit, referral, …). */
  eventType: 'hi-event-type',
  /** The reporting institution's id. */
  institutionId: 'hi-institution-id',
  /** The version of the record's JSON schema (the topic's contract, `1` for the `.v1` topics); not the event's amendment `version`. */
  schemaVersion: 'hi-schema-version',
  /** The request that brought the event (the HTTP door's and the import's `X-Request-Id`), or the one a raw producer sent. */
  correlationId: 'hi-correlation-id',
  /** On canonical events a bulk import brought: the import's id (`importId` of the record). */
  importId: 'hi-import-id',
  /** On dead letters: the first rejection code (`errors[0].code`). */
  rejectionCode: 'hi-rejection-code',
} as const;

/** The schema version of the `.v1` topics' records (canonical events and dead letters). */
export const RECORD_SCHEMA_VERSION = '1';

/** A header value echoed from what a sender wrote: short, and never anything that could be an ID number. */
const MAX_ECHOED = 128;

/** The headers of one canonical event. */
export function canonicalEventHeaders(event: CanonicalEvent, correlationId?: string): Record<string, string> {
  return withoutAbsent({
    [EVENT_HEADERS.eventId]: event.eventId,
    [EVENT_HEADERS.eventType]: event.type,
    [EVENT_HEADERS.institutionId]: event.institution.id,
    [EVENT_HEADERS.schemaVersion]: RECORD_SCHEMA_VERSION,
    [EVENT_HEADERS.correlationId]: echoable(correlationId),
    [EVENT_HEADERS.importId]: event.importId,
  });
}

/** What a dead letter's headers say: only what could be read of the message, checked like everything echoed. */
export interface DeadLetterHeaderFacts {
  eventId?: string;
  institutionId?: string;
  /** The message's claimed `type`, kept only when it is one of the contract's types. */
  type?: unknown;
  rejectionCode?: string;
  correlationId?: string;
}

export function deadLetterHeaders(facts: DeadLetterHeaderFacts): Record<string, string> {
  return withoutAbsent({
    [EVENT_HEADERS.eventId]: echoable(facts.eventId),
    [EVENT_HEADERS.eventType]: typeof facts.type === 'string' && (EVENT_TYPES as readonly string[]).includes(facts.type) ? facts.type : undefined,
    [EVENT_HEADERS.institutionId]: echoable(facts.institutionId),
    [EVENT_HEADERS.schemaVersion]: RECORD_SCHEMA_VERSION,
    [EVENT_HEADERS.correlationId]: echoable(facts.correlationId),
    [EVENT_HEADERS.rejectionCode]: facts.rejectionCode,
  });
}

function echoable(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value.length > MAX_ECHOED || hasIdLikeRun(value)) return undefined;
  return value;
}

function withoutAbsent(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
