import { deadLetterHeaders, EVENT_HEADERS } from './event-headers';

describe('deadLetterHeaders', () => {
  it('echoes only what is safe to route on: no ID-number-like value, no unknown type, nothing overlong', () => {
    const headers = deadLetterHeaders({
      eventId: '610921199001011234',
      institutionId: 'x'.repeat(129),
      type: 'visit; drop table',
      rejectionCode: 'unknown_field',
      correlationId: 'trace-1',
    });
    expect(headers).toEqual({ [EVENT_HEADERS.schemaVersion]: '1', [EVENT_HEADERS.rejectionCode]: 'unknown_field', [EVENT_HEADERS.correlationId]: 'trace-1' });
  });

  it('names the event, its type and institution when they could be read', () => {
    expect(deadLetterHeaders({ eventId: 'HIS-1', institutionId: '610921-THC-001', type: 'referral', rejectionCode: 'too_old' })).toEqual({
      [EVENT_HEADERS.eventId]: 'HIS-1',
      [EVENT_HEADERS.eventType]: 'referral',
      [EVENT_HEADERS.institutionId]: '610921-THC-001',
      [EVENT_HEADERS.schemaVersion]: '1',
      [EVENT_HEADERS.rejectionCode]: 'too_old',
    });
  });
});
