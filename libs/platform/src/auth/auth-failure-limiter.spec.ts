import { HttpException } from '@nestjs/common';
import { AuthFailureLimiter } from './auth-failure-limiter';

describe('AuthFailureLimiter', () => {
  it('refuses a client after 20 failures within a minute, and forgives after it', () => {
    const limiter = new AuthFailureLimiter();
    for (let i = 0; i < 20; i++) {
      limiter.assertAllowed('10.0.0.1', 1000 + i);
      limiter.recordFailure('10.0.0.1', 1000 + i);
    }
    expect(() => limiter.assertAllowed('10.0.0.1', 2000)).toThrow(HttpException);
    expect(() => limiter.assertAllowed('10.0.0.2', 2000)).not.toThrow();
    expect(() => limiter.assertAllowed('10.0.0.1', 1000 + 60_000)).not.toThrow();
  });
});
