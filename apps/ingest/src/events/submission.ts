import { ApiError } from '@lib/platform';

export const MAX_BATCH_EVENTS = 1000;

/** What a POST /v1/events body holds: one event, or `{ "events": [...] }` (CONTRACT.md). */
export interface Submission {
  batch: boolean;
  events: unknown[];
}

/** Reads the body's envelope; anything that is neither form is a 400 (the events themselves are judged later). */
export function readSubmission(body: unknown): Submission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('invalid_body', 'The body must be one event object or { "events": [ ... ] }');
  }
  if (!Object.prototype.hasOwnProperty.call(body, 'events')) return { batch: false, events: [body] };
  const events = (body as { events: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new ApiError('invalid_batch', '"events" must be a non-empty array of events');
  }
  if (events.length > MAX_BATCH_EVENTS) {
    throw new ApiError('batch_too_large', `A batch holds at most ${MAX_BATCH_EVENTS} events (got ${events.length})`);
  }
  return { batch: true, events };
}
