import type { ConsumedMessage } from '@lib/kafka';
import type { LedgerEntry } from '../events/ledger.repository';

/**
 * Reads a canonical event message into a ledger entry. Ingest is the only producer of the canonical
 * topic, so a message that does not parse is a defect upstream: it is reported and skipped, never
 * allowed to block the partition.
 */
export function toLedgerEntry(message: ConsumedMessage): LedgerEntry | undefined {
  if (!message.value) return undefined;
  const json = message.value.toString('utf8');
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { institutionId, eventId, version, type, action, occurredAt, receivedAt } = event;
  if (
    typeof institutionId !== 'string' ||
    typeof eventId !== 'string' ||
    !Number.isInteger(version) ||
    typeof type !== 'string' ||
    typeof action !== 'string' ||
    typeof occurredAt !== 'string' ||
    Number.isNaN(Date.parse(occurredAt))
  ) {
    return undefined;
  }
  return {
    institutionId,
    eventId,
    version: version as number,
    type,
    action,
    voided: event.voided === true,
    occurredAt,
    receivedAt: typeof receivedAt === 'string' && !Number.isNaN(Date.parse(receivedAt)) ? receivedAt : new Date(Number(message.timestamp)).toISOString(),
    partition: message.partition,
    offset: message.offset,
    payload: event,
    payloadJson: json,
  };
}
