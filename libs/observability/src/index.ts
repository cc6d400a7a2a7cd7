export { DEPENDENCY_CHECKS, HealthController } from './health.controller';
export type { DependencyCheck } from './health.controller';
export { HealthModule } from './health.module';
export { LoggingModule, REDACTED_PATHS } from './logging.module';
export { MetricsModule } from './metrics.module';
