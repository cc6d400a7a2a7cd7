import { EVENT_HEADERS } from '@lib/contracts';

/**
 * What a record of `health.events.v1` or `health.events.dlq.v1` must carry in its headers, written out
 * from the contract (apps/ingest/README.md, "Record headers") rather than computed by ingest's own
 * code: only the facts given are expected, and no other header may be present.
 */
export interface ExpectedRecordHeaders {
  eventId?: unknown;
  type?: unknown;
  institutionId?: unknown;
  correlationId?: unknown;
  importId?: unknown;
  /** Dead letters only: the first rejection code. */
  rejectionCode?: unknown;
}

/** The exact headers a record should have: the given facts under their header names, plus the schema version `1`. */
export function expectedRecordHeaders(facts: ExpectedRecordHeaders): Record<string, unknown> {
  const headers: Record<string, unknown> = {
    [EVENT_HEADERS.eventId]: facts.eventId,
    [EVENT_HEADERS.eventType]: facts.type,
    [EVENT_HEADERS.institutionId]: facts.institutionId,
    [EVENT_HEADERS.schemaVersion]: '1',
    [EVENT_HEADERS.correlationId]: facts.correlationId,
    [EVENT_HEADERS.importId]: facts.importId,
    [EVENT_HEADERS.rejectionCode]: facts.rejectionCode,
  };
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined));
}
