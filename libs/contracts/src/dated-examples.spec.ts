import { datedBefore } from './dated-examples';
import { EXAMPLE_EVENTS, EXAMPLE_VOIDED_EVENT, exampleValidationContext } from './examples';
import { validateEvent } from './validate-event';

describe('datedBefore', () => {
  const examples = [...Object.values(EXAMPLE_EVENTS).flat(), EXAMPLE_VOIDED_EVENT];

  it.each(['2026-12-01T00:30:00Z', '2031-02-28T17:00:00Z', '2024-03-20T04:00:00Z'])(
    'makes every example valid at %s (none too_old, none in the future)',
    (at) => {
      const now = new Date(at);
      const context = exampleValidationContext({ now });
      for (const event of datedBefore(examples, now))
        expect({ eventId: event.eventId, result: validateEvent(event, context) }).toMatchObject({ result: { ok: true } });
    },
  );

  it('puts the latest on the day before today in China, keeping times of day, offsets, intervals and birth dates', () => {
    const now = new Date('2026-12-01T17:00:00Z'); // 2026-12-02 01:00 in China
    const moved = datedBefore(
      {
        a: { occurredAt: '2024-03-19T10:00:00+08:00', person: { birthDate: '2023-09-20' } },
        b: { occurredAt: '2024-03-10T09:00:00+08:00', onsetDate: '2024-03-08' },
      },
      now,
    );
    expect(moved).toEqual({
      a: { occurredAt: '2026-12-01T10:00:00+08:00', person: { birthDate: '2023-09-20' } },
      b: { occurredAt: '2026-11-22T09:00:00+08:00', onsetDate: '2026-11-20' },
    });
  });
});
