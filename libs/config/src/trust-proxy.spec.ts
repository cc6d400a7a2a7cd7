import { BaseEnvironment } from './base-environment';
import { parseTrustProxy } from './trust-proxy';
import { validateEnvironment } from './validate-environment';

describe('TRUST_PROXY', () => {
  class Environment extends BaseEnvironment {
    override PORT = 1;
  }

  it('reads off, hop counts and proxy addresses as Express takes them', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,fd00::/8')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(parseTrustProxy('192.0.2.7')).toEqual(['192.0.2.7']);
  });

  it('refuses true (any client could choose its address) and what is not an address', () => {
    for (const value of ['true', 'yes', '10.0.0.0/33', '10.0.0.1/8/1', 'ingress.local', '']) expect(parseTrustProxy(value)).toBeUndefined();
    expect(() => validateEnvironment(Environment, { TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a hop count/);
  });

  it('is off by default', () => {
    expect(validateEnvironment(Environment, {}).TRUST_PROXY).toBe('false');
  });
});
