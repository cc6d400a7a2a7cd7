import { type ConsumedMessage, MAX_DECOMPRESSED_BATCH_BYTES } from '@lib/kafka';
import type { DoorError } from '../events/intake-outcome';

/** Raw events are single JSON objects of a few hundred bytes; anything far larger is not an event. */
export const MAX_RAW_EVENT_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A message read, or why it is refused (with what could be read of it, for the dead letter's eventId). */
export type RawRead = { ok: true; input: unknown } | { ok: false; error: DoorError; input?: unknown };

/**
 * Reads one message of the raw topic as JSON, refusing what is not UTF-8 JSON of a sane size, and
 * what stands for a record of a batch that could not be decompressed.
 */
export function readRawMessage(message: ConsumedMessage): RawRead {
  if (message.undecodable) {
    const { reason, codec } = message.undecodable;
    return reason === 'too_large'
      ? unreadable('decompressed_too_large', `The message's record batch (${codec}) inflates beyond ${MAX_DECOMPRESSED_BATCH_BYTES} bytes`)
      : unreadable('undecodable_batch', `The message's record batch (${codec}) could not be decompressed`);
  }
  const bytes = message.value;
  if (!bytes || bytes.length === 0) return unreadable('invalid_json', 'The message has no value');
  if (bytes.length > MAX_RAW_EVENT_BYTES) return unreadable('too_long', `The message is larger than ${MAX_RAW_EVENT_BYTES} bytes`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable('invalid_json', 'The message is not valid UTF-8');
  }
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch {
    return unreadable('invalid_json', 'The message is not valid JSON');
  }
}

function unreadable(code: DoorError['code'], message: string): RawRead {
  return { ok: false, error: { path: '', code, message } };
}
