import type { ConsumedMessage } from '@lib/kafka';
import { deadLetter } from './dead-letter';
import { MAX_RAW_EVENT_BYTES, readRawMessage } from './raw-message';

const message = (value: Buffer | null): ConsumedMessage => ({ partition: 3, offset: '42', key: null, value, timestamp: '1700000000000', headers: {} });

describe('readRawMessage', () => {
  it('reads JSON', () => {
    expect(readRawMessage(message(Buffer.from('{"eventId":"a"}')))).toEqual({ ok: true, input: { eventId: 'a' } });
  });

  it.each([
    ['no value', null, 'invalid_json'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_json'],
    ['not JSON', Buffer.from('{eventId: a'), 'invalid_json'],
    ['too large', Buffer.alloc(MAX_RAW_EVENT_BYTES + 1, 0x20), 'too_long'],
  ])('refuses %s', (_name, value, code) => {
    const read = readRawMessage(message(value));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.code).toBe(code);
  });

  it.each([
    ['too_large', 'decompressed_too_large'],
    ['corrupt', 'undecodable_batch'],
  ] as const)('refuses a record of a batch refused as %s, with its own code', (reason, code) => {
    const read = readRawMessage({ ...message(null), undecodable: { reason, codec: 'gzip', batchOffset: '40' } });
    expect(read).toEqual({ ok: false, error: expect.objectContaining({ path: '', code }) });
  });
});

describe('deadLetter', () => {
  it('carries reasons, ids and source but never the payload', () => {
    const raw = Buffer.from(JSON.stringify({ eventId: 'E-1', institutionId: '610921-THC-001', person: { id: '11010519491231002X' } }));
    const letter = deadLetter(
      'health.events.raw.v1',
      message(raw),
      JSON.parse(raw.toString()),
      [{ path: 'x', code: 'invalid_value', message: 'bad' }],
      new Date(0),
    );
    expect(letter).toMatchObject({ eventId: 'E-1', institutionId: '610921-THC-001', source: { partition: 3, offset: '42' } });
    expect(JSON.stringify(letter)).not.toContain('11010519491231002X');
  });

  it('has no payload digest for a record of a batch that could not be decompressed', () => {
    const placeholder: ConsumedMessage = { ...message(null), undecodable: { reason: 'too_large', codec: 'gzip', batchOffset: '42' } };
    expect(deadLetter('t', placeholder, undefined, [], new Date(0)).payloadSha256).toBeUndefined();
    expect(deadLetter('t', message(null), undefined, [], new Date(0)).payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not echo an identifier that looks like an ID number', () => {
    const input = { eventId: '11010519491231002X', institutionId: 'x' };
    expect(deadLetter('t', message(Buffer.from('{}')), input, [], new Date(0)).eventId).toBeUndefined();
  });
});
