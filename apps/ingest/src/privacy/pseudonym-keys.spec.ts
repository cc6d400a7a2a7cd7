import { validateEnvironment } from '@lib/config';
import { IngestEnvironment } from '../ingest.environment';
import { pseudonymKeyChain } from './pseudonym-keys';

describe('the pseudonym key chain (PSEUDONYM_SECRET, PSEUDONYM_KEY_ID, PSEUDONYM_PREVIOUS_KEYS)', () => {
  const CURRENT = '9c0e7d4b1a2f48e6b3d5c7a9e1f20486';
  const production = {
    NODE_ENV: 'production',
    ADMIN_TOKEN: 'c1b2a3d4e5f60718293a4b5c6d7e8f90',
    PSEUDONYM_SECRET: CURRENT,
    PSEUDONYM_KEY_ID: 'k3',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'ingest',
    KAFKA_SASL_PASSWORD: '7e5c3a1f9d8b6e4c2a0f8d6b4e2c0a9f',
  };

  it('is the one key before any rotation', () => {
    expect(pseudonymKeyChain(validateEnvironment(IngestEnvironment, {}))).toEqual([{ id: 'k1', secret: 'dev-pseudonym-secret-change-me-0000000000' }]);
  });

  it('puts the earlier keys before the current one, oldest first, and accepts a published one among them', () => {
    // The point of a rotation may be to leave a published key behind: it stays an inner link only.
    const env = validateEnvironment(IngestEnvironment, {
      ...production,
      PSEUDONYM_PREVIOUS_KEYS: 'k1:dev-pseudonym-secret-change-me-0000000000, k2:b64+/key==',
    });
    expect(pseudonymKeyChain(env)).toEqual([
      { id: 'k1', secret: 'dev-pseudonym-secret-change-me-0000000000' },
      { id: 'k2', secret: 'b64+/key==' },
      { id: 'k3', secret: CURRENT },
    ]);
  });

  it.each([
    ['a repeated key id', 'k1:first-secret,k1:second-secret'],
    ['the current key id', 'k3:old-secret'],
    ['an entry without its id', 'just-a-secret'],
    ['an empty secret', 'k1:'],
  ])('refuses %s, without echoing the keys', (_, previous) => {
    let message = '';
    try {
      validateEnvironment(IngestEnvironment, { ...production, PSEUDONYM_PREVIOUS_KEYS: previous });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PSEUDONYM_PREVIOUS_KEYS must be <keyId>:<secret>/);
    expect(message).not.toContain(previous);
  });

  it('holds the current key to the production rules', () => {
    expect(() => validateEnvironment(IngestEnvironment, { ...production, PSEUDONYM_SECRET: 'compose-pseudonym-secret-change-me-00000001' })).toThrow(
      /PSEUDONYM_SECRET is a published default/,
    );
  });
});
