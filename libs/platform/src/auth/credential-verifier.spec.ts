import { Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { ApiError } from '../errors/api-error';
import { AuthFailureLimiter, MAX_FAILURES_PER_MINUTE } from './auth-failure-limiter';
import { CredentialVerifier } from './credential-verifier';

describe('CredentialVerifier', () => {
  beforeAll(() => Logger.overrideLogger(false));
  const invalid = { code: 'invalid_bureau_token', message: 'unknown token' } as const;
  const verifier = () => {
    const lookups: string[] = [];
    const limiter = new AuthFailureLimiter(
      new Counter({ name: 'credential_verifier_spec', help: 'spec', labelNames: ['credential', 'answer'], registers: [] }),
    );
    const v = new CredentialVerifier<string>(
      'bureau_token',
      (secret) => {
        lookups.push(secret);
        return Promise.resolve(secret === 'hbt_valid' ? '610000' : undefined);
      },
      limiter,
      invalid,
    );
    return { v, lookups };
  };
  const refusal = async (promise: Promise<unknown>, headers: Record<string, string> = {}) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    return { status: (error as ApiError).getStatus(), code: (error as ApiError).code, retryAfter: headers['Retry-After'] };
  };

  it('returns the owner of a known secret, looked up once', async () => {
    const { v, lookups } = verifier();
    const response = { header: () => undefined };
    expect(await v.ownerOf('hbt_valid', { ip: '10.0.0.1' }, response)).toBe('610000');
    expect(await v.ownerOf('hbt_valid', { ip: '10.0.0.1' }, response)).toBe('610000');
    expect(lookups).toEqual(['hbt_valid']);
  });

  it('answers an unknown secret 401 with its reason, 429 once over the limit, and still lets a valid one through', async () => {
    const { v } = verifier();
    const headers: Record<string, string> = {};
    const response = { header: (name: string, value: string) => (headers[name] = value) };
    const answers = [];
    for (let i = 0; i <= MAX_FAILURES_PER_MINUTE; i++) answers.push(await refusal(v.ownerOf(`hbt_guess${i}`, { ip: '10.0.0.9' }, response), headers));
    expect(answers[0]).toEqual({ status: 401, code: 'invalid_bureau_token', retryAfter: undefined });
    expect(answers[MAX_FAILURES_PER_MINUTE]).toMatchObject({ status: 429, code: 'too_many_auth_failures' });
    expect(answers[MAX_FAILURES_PER_MINUTE].retryAfter).toMatch(/^\d+$/);
    expect(await v.ownerOf('hbt_valid', { ip: '10.0.0.9' }, response)).toBe('610000');
  });
});
