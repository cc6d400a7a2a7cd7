import { EXAMPLE_EVENTS, EXAMPLE_VOIDED_EVENT } from '@lib/contracts';

/** OpenAPI examples: one per event type and action, a batch, and a void. */
export const SUBMISSION_EXAMPLES: Record<string, { summary: string; value: unknown }> = {
  ...Object.fromEntries(
    Object.values(EXAMPLE_EVENTS)
      .flat()
      .map((event) => [`${event.type}.${event.action}`, { summary: `${event.type} — ${event.action}`, value: event }]),
  ),
  voided: { summary: 'withdraw an event (a higher version with voided: true)', value: EXAMPLE_VOIDED_EVENT },
  batch: { summary: 'a batch (up to 1000)', value: { events: [EXAMPLE_EVENTS.visit[0], EXAMPLE_EVENTS.vaccination[0]] } },
};
