import type { LedgerEntry } from '../events/ledger.repository';
import { feedActivity } from './feed-activity';

const entry = (institutionId: string, occurredAt: string, receivedAt: string, payload: object = {}): LedgerEntry => ({
  institutionId,
  eventId: `${institutionId}-${occurredAt}`,
  version: 1,
  type: 'visit',
  action: 'outpatient',
  voided: false,
  occurredAt,
  receivedAt,
  partition: 0,
  offset: '0',
  payload,
  payloadJson: JSON.stringify(payload),
});

describe('feedActivity', () => {
  it('keeps, per institution, the latest occurrence and receipt in UTC and counts events', () => {
    const activity = feedActivity([
      entry('A', '2024-03-16T10:00:00+08:00', '2024-03-20T00:00:00Z'),
      entry('A', '2024-03-15T09:00:00+08:00', '2024-03-21T00:00:00Z'),
      entry('B', '2024-01-01T00:00:00+08:00', '2024-01-02T00:00:00Z'),
    ]);
    expect(activity).toEqual([
      { institutionId: 'A', lastOccurredAt: '2024-03-16T02:00:00.000Z', lastReceivedAt: '2024-03-21T00:00:00.000Z', events: 2 },
      { institutionId: 'B', lastOccurredAt: '2023-12-31T16:00:00.000Z', lastReceivedAt: '2024-01-02T00:00:00.000Z', events: 1 },
    ]);
  });

  it('leaves out events a bulk import brought: history loaded by an operator is not the feed reporting', () => {
    const imported = { importId: '7d1f0c4e-0000-4000-8000-000000000001' };
    const activity = feedActivity([
      entry('A', '2024-03-16T10:00:00+08:00', '2024-03-20T00:00:00Z'),
      entry('A', '2023-03-15T09:00:00+08:00', '2024-03-22T00:00:00Z', imported),
      entry('B', '2023-01-01T00:00:00+08:00', '2024-03-22T00:00:00Z', imported),
    ]);
    expect(activity).toEqual([{ institutionId: 'A', lastOccurredAt: '2024-03-16T02:00:00.000Z', lastReceivedAt: '2024-03-20T00:00:00.000Z', events: 1 }]);
  });
});
