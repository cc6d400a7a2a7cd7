import { datedBefore, EXAMPLE_EVENTS, EXAMPLE_VOIDED_EVENT } from '@lib/contracts';

/**
 * OpenAPI examples: one per event type and action, a batch, and a void, dated in the days before
 * `now` so that each one, posted as it is, is accepted rather than `too_old`.
 */
export function submissionExamples(now: Date): Record<string, { summary: string; value: unknown }> {
  const events = Object.values(EXAMPLE_EVENTS).flat();
  const examples: Record<string, { summary: string; value: unknown }> = {
    ...Object.fromEntries(events.map((event) => [`${event.type}.${event.action}`, { summary: `${event.type} — ${event.action}`, value: event }])),
    voided: { summary: 'withdraw an event (a higher version with voided: true)', value: EXAMPLE_VOIDED_EVENT },
    // Events of their own (eventIds not used above) of one institution (a key reports for its own), so that every example can be posted and accepted.
    batch: {
      summary: 'a batch (up to 1000)',
      value: {
        events: [
          { ...EXAMPLE_EVENTS.visit[0], eventId: 'HIS-0001-2024-000124' },
          { ...EXAMPLE_EVENTS.vaccination[0], eventId: 'EPI-THC001-2024-0313' },
        ],
      },
    },
  };
  return datedBefore(examples, now);
}
