import { BadRequestException } from '@nestjs/common';

export const MAX_BATCH_EVENTS = 1000;

/** What a POST /v1/events body holds: one event, or `{ "events": [...] }` (CONTRACT.md). */
export interface Submission {
  batch: boolean;
  events: unknown[];
}

/** Reads the body's envelope; anything that is neither form is a 400 (the events themselves are judged later). */
export function readSubmission(body: unknown): Submission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException({ code: 'invalid_body', message: 'The body must be one event object or { "events": [ ... ] }' });
  }
  if (!Object.prototype.hasOwnProperty.call(body, 'events')) return { batch: false, events: [body] };
  const events = (body as { events: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new BadRequestException({ code: 'invalid_batch', message: '"events" must be a non-empty array of events' });
  }
  if (events.length > MAX_BATCH_EVENTS) {
    throw new BadRequestException({ code: 'batch_too_large', message: `A batch holds at most ${MAX_BATCH_EVENTS} events (got ${events.length})` });
  }
  return { batch: true, events };
}
