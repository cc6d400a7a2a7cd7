import { eventKey, eventVersionKey } from './event-identity';

describe('event identity keys', () => {
  it('tell events apart whose fields would run together when joined', () => {
    expect(eventKey({ institutionId: 'a', eventId: 'bc' })).not.toBe(eventKey({ institutionId: 'ab', eventId: 'c' }));
    expect(eventVersionKey({ institutionId: 'a', eventId: 'b', version: 12 })).not.toBe(eventVersionKey({ institutionId: 'a', eventId: 'b1', version: 2 }));
  });

  it('give every version of one event the event key as its prefix, and versions their own key', () => {
    const event = { institutionId: '610921-CH-001', eventId: 'V-1' };
    expect(eventVersionKey({ ...event, version: 1 }).startsWith(`${eventKey(event)}\u0000`)).toBe(true);
    expect(eventVersionKey({ ...event, version: 1 })).not.toBe(eventVersionKey({ ...event, version: 2 }));
  });
});
