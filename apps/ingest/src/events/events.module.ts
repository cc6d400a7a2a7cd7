import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { RegistryStoreModule } from '@lib/registry-store';
import { ApiKeyAuthenticator } from '../auth/api-key-authenticator';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { TokenBucketStorage } from '../auth/token-bucket.storage';
import type { IngestEnvironment } from '../ingest.environment';
import { RawEventsDoor } from '../raw-door/raw-events.door';
import { EventIntake } from './event-intake.service';
import { EventsController } from './events.controller';
import { INTAKE_METRICS } from './intake-metrics';
import { ReceiptsRepository } from './receipts.repository';

/** The two doors for events (HTTP and the raw Kafka topic) and the intake they share. */
@Module({
  imports: [
    RegistryStoreModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<IngestEnvironment, true>) => ({
        throttlers: [{ ttl: 60_000, limit: config.get('INGEST_RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new TokenBucketStorage(),
      }),
    }),
  ],
  controllers: [EventsController],
  providers: [EventIntake, ReceiptsRepository, ApiKeyAuthenticator, ApiKeyGuard, RawEventsDoor, ...INTAKE_METRICS],
  exports: [EventIntake],
})
export class EventsModule {}
