import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { AppConfigModule } from '@lib/config';
import { DatabaseHealthCheck, DatabaseModule } from '@lib/database';
import { KafkaConsumersHealthCheck, KafkaHealthCheck, KafkaModule } from '@lib/kafka';
import { DependencyCheck, HealthModule, LoggingModule, MetricsModule } from '@lib/observability';
import { RedisHealthCheck, RedisModule } from '@lib/redis';
import { AuthFailuresModule } from './auth/auth-failures.module';

export interface PlatformOptions {
  /** The app's name: log field, metrics label, Kafka client id. */
  name: string;
  /** The app's validated environment class (extends BaseEnvironment). */
  environment: new () => object;
  /** The app's own readiness checks beside PostgreSQL, Redis and Kafka, with the module exporting them. */
  health?: { imports: NonNullable<ModuleMetadata['imports']>; checks: Type<DependencyCheck>[] };
}

/**
 * What every app of the project stands on: validated config, JSON logs, /metrics, PostgreSQL,
 * Redis, Kafka, /health over all three and the app's Kafka consumers, and the limiter of failed
 * authentications.
 */
@Module({})
export class PlatformModule {
  static forApp({ name, environment, health }: PlatformOptions): DynamicModule {
    const checks: Type<DependencyCheck>[] = [DatabaseHealthCheck, RedisHealthCheck, KafkaHealthCheck, KafkaConsumersHealthCheck, ...(health?.checks ?? [])];
    return {
      module: PlatformModule,
      imports: [
        AppConfigModule.forRoot(environment),
        LoggingModule.forApp(name),
        MetricsModule.forApp(name),
        DatabaseModule,
        RedisModule,
        KafkaModule.forApp(name),
        HealthModule.forChecks(checks, health?.imports),
        AuthFailuresModule,
      ],
    };
  }
}
