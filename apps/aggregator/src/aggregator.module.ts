import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AggregatorEnvironment } from './aggregator.environment';
import { AGGREGATOR_METRICS } from './consumption/aggregator.metrics';
import { APPLYING_PROVIDERS } from './consumption/applying-providers';
import { BatchApplier } from './consumption/batch-applier';
import { CanonicalEventsConsumer } from './consumption/canonical-events.consumer';
import { ConsumerLag } from './consumption/consumer-lag';
import { StoredOffsetsCheck } from './offsets/stored-offsets.check';
import { StoredOffsetsModule } from './offsets/stored-offsets.module';
import { CounterLogFolder } from './counter-log/counter-log-folder';
import { IndicatorChangesPublisher } from './live/indicator-changes.publisher';
import { InstitutionFeedsCache } from './feeds/institution-feeds.cache';
import { LiveCountersRefill } from './live/live-counters-refill';
import { LiveCountersCache } from './live/live-counters.cache';

@Module({
  imports: [
    PlatformModule.forApp({
      name: 'aggregator',
      environment: AggregatorEnvironment,
      health: { imports: [StoredOffsetsModule], checks: [StoredOffsetsCheck] },
    }),
    StoredOffsetsModule,
  ],
  providers: [
    ...APPLYING_PROVIDERS,
    CounterLogFolder,
    InstitutionFeedsCache,
    LiveCountersCache,
    LiveCountersRefill,
    IndicatorChangesPublisher,
    BatchApplier,
    CanonicalEventsConsumer,
    ConsumerLag,
    ...AGGREGATOR_METRICS,
  ],
})
export class AggregatorModule {}
