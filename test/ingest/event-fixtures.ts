import { EXAMPLE_EVENTS, HealthEvent } from '@lib/contracts';

let sequence = 0;

/** The contract's example events made current: a fresh eventId and an occurredAt an hour ago. */
export function freshExamples(): HealthEvent[] {
  const occurredAt = new Date(Date.now() - 3600_000).toISOString().replace('Z', '+00:00');
  return Object.values(EXAMPLE_EVENTS)
    .flat()
    .map((event) => ({ ...event, eventId: `T-${process.pid}-${Date.now()}-${++sequence}`, occurredAt }));
}

export const CLEAR_IDS = (events: HealthEvent[]) => [...new Set(events.map((e) => e.person?.id).filter((id): id is string => !!id))];
