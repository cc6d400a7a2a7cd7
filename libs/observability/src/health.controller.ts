import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';

/** A named readiness check of one dependency (PostgreSQL, Redis, Kafka...); one that reads only memory answers at once. */
export interface DependencyCheck {
  check(): HealthIndicatorResult | Promise<HealthIndicatorResult>;
}

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: every dependency this app needs answers' })
  check() {
    return this.health.check(this.checks.map((dependency) => () => dependency.check()));
  }
}
