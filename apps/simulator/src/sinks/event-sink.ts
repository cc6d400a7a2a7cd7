import type { HealthEvent } from '@lib/contracts';

/** How a batch fared, counted per event (CONTRACT.md: accepted, duplicate, rejected). */
export interface SinkTally {
  sent: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Events that could not be delivered after the retries (network down, no key for the institution). */
  errors: number;
}

export const emptyTally = (): SinkTally => ({ sent: 0, accepted: 0, duplicate: 0, rejected: 0, errors: 0 });

export function addTally(into: SinkTally, from: SinkTally): SinkTally {
  into.sent += from.sent;
  into.accepted += from.accepted;
  into.duplicate += from.duplicate;
  into.rejected += from.rejected;
  into.errors += from.errors;
  return into;
}

/** Where the feed goes: the HTTP door, the raw Kafka topic, or an NDJSON file for replay. */
export interface EventSink {
  readonly name: 'http' | 'kafka' | 'file';
  /**
   * Delivers a batch. Throws `SinkNotReadyError` when it cannot even begin (ingest not up yet, no
   * credentials file): the caller waits and offers the same batch again.
   */
  send(events: HealthEvent[]): Promise<SinkTally>;
  close(): Promise<void>;
}

/** The sink's destination is not there yet; nothing of the batch was sent. */
export class SinkNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SinkNotReadyError';
  }
}
