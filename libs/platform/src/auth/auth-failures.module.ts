import { Global, Module } from '@nestjs/common';
import { AUTH_FAILURE_METRICS, AuthFailureLimiter } from './auth-failure-limiter';

/** One failure limiter per app, shared by its credential guards (API keys, bureau tokens, the admin token). */
@Global()
@Module({
  providers: [AuthFailureLimiter, ...AUTH_FAILURE_METRICS],
  exports: [AuthFailureLimiter],
})
export class AuthFailuresModule {}
