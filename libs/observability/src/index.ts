export { DEPENDENCY_CHECKS, HealthController } from './health.controller';
export type { DependencyCheck } from './health.controller';
export { HealthModule } from './health.module';
export { correlationIdOf } from './correlation-id';
export { APP_LOGGER, LoggingModule, REDACTED_PATHS } from './logging.module';
export { inRequestContext, logHttpRequests, RequestLogPolicy, withoutSecrets } from './request-log';
export { MetricsModule } from './metrics.module';
export { HTTP_METRICS, measureHttpRequests, METRIC_HTTP_REQUEST_DURATION, UNROUTED } from './http-metrics';
