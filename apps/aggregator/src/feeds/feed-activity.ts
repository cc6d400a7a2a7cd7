import type { FeedActivity } from './institution-feeds.repository';
import type { LedgerEntry } from '../events/ledger.repository';

/**
 * Per institution: the latest occurrence and receipt in a batch (UTC ISO), and how many events it applied.
 * Events a bulk import brought (`importId`) are history an operator loaded, not the institution
 * reporting: they are left out, so an import never makes a silent feed look alive.
 */
export function feedActivity(entries: LedgerEntry[]): FeedActivity[] {
  const byInstitution = new Map<string, { occurred: number; received: number; events: number }>();
  for (const entry of entries) {
    if (isImported(entry)) continue;
    const occurred = Date.parse(entry.occurredAt);
    const received = Date.parse(entry.receivedAt);
    const current = byInstitution.get(entry.institutionId);
    if (!current) {
      byInstitution.set(entry.institutionId, { occurred, received, events: 1 });
      continue;
    }
    current.events += 1;
    current.occurred = Math.max(current.occurred, occurred);
    current.received = Math.max(current.received, received);
  }
  return [...byInstitution].map(([institutionId, feed]) => ({
    institutionId,
    lastOccurredAt: new Date(feed.occurred).toISOString(),
    lastReceivedAt: new Date(feed.received).toISOString(),
    events: feed.events,
  }));
}

function isImported(entry: LedgerEntry): boolean {
  return (entry.payload as { importId?: unknown } | null)?.importId !== undefined;
}
