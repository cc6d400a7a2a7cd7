/**
 * An event's identity across its versions: `eventId` is unique only within its reporting institution.
 * A version is that identity plus `version`; ingest's receipts and the aggregator's ledger dedupe on it.
 */
export interface EventIdentity {
  institutionId: string;
  eventId: string;
}

export interface EventVersionIdentity extends EventIdentity {
  version: number;
}

/**
 * An event as one string, for maps: its fields joined by NUL, which neither can hold (ingest refuses
 * it), so two different events never share a key.
 */
export function eventKey(e: EventIdentity): string {
  return `${e.institutionId}\u0000${e.eventId}`;
}

/** One version of an event as one string, for maps and sets (the dedupe key of receipts and ledger). */
export function eventVersionKey(e: EventVersionIdentity): string {
  return `${eventKey(e)}\u0000${e.version}`;
}
