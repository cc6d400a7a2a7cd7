import { chinaDateOf, EXAMPLE_EVENTS, HealthEvent } from '@lib/contracts';

let sequence = 0;

/** The contract's example events made current: a fresh eventId and an occurredAt an hour ago (a day's counts: that day's). */
export function freshExamples(): HealthEvent[] {
  const hourAgo = Date.now() - 3600_000;
  const occurredAt = new Date(hourAgo).toISOString().replace('Z', '+00:00');
  return Object.values(EXAMPLE_EVENTS)
    .flat()
    .map((event) => ({
      ...event,
      eventId: `T-${process.pid}-${Date.now()}-${++sequence}`,
      occurredAt,
      ...(event.type === 'syndromic_count' && { date: chinaDateOf(hourAgo) }),
    }));
}

export const CLEAR_IDS = (events: HealthEvent[]) => [...new Set(events.map((e) => e.person?.id).filter((id): id is string => !!id))];
