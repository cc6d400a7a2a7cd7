import { createHash } from 'node:crypto';
import { hasIdLikeRun, maskIdNumbers } from '@lib/contracts';
import type { ConsumedMessage } from '@lib/kafka';
import type { DoorError } from '../events/intake-outcome';

/**
 * What `health.events.dlq.v1` carries for a rejected raw event: the reasons, the sender's eventId
 * and institution, and where the message was — but not the message itself, which may hold a clear
 * resident ID number. The sender finds the event by eventId; operators by topic/partition/offset
 * (the raw topic keeps it for its retention) and the payload digest.
 */
export interface DeadLetter {
  eventId?: string;
  institutionId?: string;
  errors: DoorError[];
  source: { topic: string; partition: number; offset: string; timestamp: string };
  /** Absent when the message's record batch could not be decompressed (there is no payload to digest). */
  payloadSha256?: string;
  deadLetteredAt: string;
}

const MAX_ECHOED_ID = 64;

export function deadLetter(topic: string, message: ConsumedMessage, input: unknown, errors: DoorError[], now: Date): DeadLetter {
  return {
    eventId: echoedString(input, 'eventId'),
    institutionId: echoedString(input, 'institutionId'),
    // Validation errors are masked already; the door's own (unreadable JSON, batches) pass through here too.
    errors: errors.map((error) => ({ ...error, path: maskIdNumbers(error.path), message: maskIdNumbers(error.message) })),
    source: { topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp },
    payloadSha256: message.undecodable
      ? undefined
      : createHash('sha256')
          .update(message.value ?? Buffer.alloc(0))
          .digest('hex'),
    deadLetteredAt: now.toISOString(),
  };
}

/** Echoes a short identifier the sender gave, never anything that could be a person's ID number. */
function echoedString(input: unknown, field: 'eventId' | 'institutionId'): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value = (input as Record<string, unknown>)[field];
  if (typeof value !== 'string' || value.length > MAX_ECHOED_ID) return undefined;
  return hasIdLikeRun(value) ? undefined : value;
}
