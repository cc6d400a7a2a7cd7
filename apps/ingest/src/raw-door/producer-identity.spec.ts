import { createHash } from 'node:crypto';
import { RAW_SIGNATURE_HEADERS, rawSignatureHeaders } from '@lib/contracts';
import type { ConsumedMessage } from '@lib/kafka';
import { claimedKeyIds, producerIdentityError, Signer } from './producer-identity';

const KEY_ID = '5b0c2f4e-8a1d-4c3b-9e7f-1a2b3c4d5e6f';
const API_KEY = 'hik_example-key-of-the-township-centre';
const signingKey = createHash('sha256').update(API_KEY).digest('hex');
const signers = new Map<string, Signer>([[KEY_ID, { institutionId: '610921-THC-001', signingKey }]]);
const value = Buffer.from('{"eventId":"E-1","institutionId":"610921-THC-001"}');

const message = (headers: Record<string, string>, overrides: Partial<ConsumedMessage> = {}): ConsumedMessage => ({
  partition: 0,
  offset: '7',
  key: '610921-THC-001',
  value,
  timestamp: '1700000000000',
  headers,
  ...overrides,
});
const signed = (over = value, key: string | null = '610921-THC-001') => rawSignatureHeaders(KEY_ID, signingKey, key, over, '1764500000000');
const code = (m: ConsumedMessage, institution: string | undefined = '610921-THC-001', policy: 'required' | 'optional' = 'required') =>
  producerIdentityError(m, institution, signers, policy)?.code;

describe('producerIdentityError', () => {
  it('accepts a message signed with its own institution key', () => {
    expect(code(message(signed()))).toBeUndefined();
    expect(claimedKeyIds([message(signed()), message({})])).toEqual([KEY_ID]);
  });

  it('refuses an unsigned message when signatures are required, lets it through when optional', () => {
    expect(code(message({}))).toBe('unauthenticated_producer');
    expect(code(message({}), '610921-THC-001', 'optional')).toBeUndefined();
  });

  it('refuses a message whose value, key or signing time changed after signing, in either policy', () => {
    const tamperedValue = message(signed(), { value: Buffer.from('{"eventId":"E-1","institutionId":"610902-CH-001"}') });
    expect(code(tamperedValue, '610902-CH-001', 'optional')).toBe('unauthenticated_producer');
    expect(code(message(signed(), { key: '610902-CH-001' }))).toBe('unauthenticated_producer');
    expect(code(message({ ...signed(), [RAW_SIGNATURE_HEADERS.signedAt]: '1764500000001' }))).toBe('unauthenticated_producer');
  });

  it('refuses an unknown or revoked key, a missing header and a signature made with another secret', () => {
    expect(code(message({ ...signed(), [RAW_SIGNATURE_HEADERS.keyId]: '00000000-0000-4000-8000-000000000000' }))).toBe('unauthenticated_producer');
    const { [RAW_SIGNATURE_HEADERS.signedAt]: _, ...withoutTime } = signed();
    expect(code(message(withoutTime))).toBe('unauthenticated_producer');
    const forged = rawSignatureHeaders(KEY_ID, createHash('sha256').update('a guessed key').digest('hex'), '610921-THC-001', value, '1764500000000');
    expect(code(message(forged))).toBe('unauthenticated_producer');
  });

  it('refuses a correctly signed event that claims another institution, or none (institution_mismatch)', () => {
    const other = Buffer.from('{"eventId":"E-2","institutionId":"610902-CH-001"}');
    expect(code(message(signed(other), { value: other }), '610902-CH-001')).toBe('institution_mismatch');
    const noInstitution = Buffer.from('{"eventId":"E-3"}');
    expect(producerIdentityError(message(signed(noInstitution), { value: noInstitution }), undefined, signers, 'required')?.code).toBe('institution_mismatch');
  });
});
