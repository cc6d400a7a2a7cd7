import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AggregatorEnvironment } from './aggregator.environment';
import { AGGREGATOR_METRICS } from './consumption/aggregator.metrics';
import { BatchApplier } from './consumption/batch-applier';
import { CanonicalEventsConsumer } from './consumption/canonical-events.consumer';
import { ConsumerLag } from './consumption/consumer-lag';
import { StoredOffsetsCheck } from './offsets/stored-offsets.check';
import { StoredOffsetsModule } from './offsets/stored-offsets.module';
import { contributionEngineProvider } from './counting/contribution-engine.provider';
import { CounterIds } from './counter-log/counter-ids';
import { CounterLogFolder } from './counter-log/counter-log-folder';
import { NewVersionsApplier } from './events/new-versions-applier';
import { IndicatorCountersRepository } from './counter-log/indicator-counters.repository';
import { SubjectLocksRepository } from './events/subject-locks.repository';
import { EventVersionsRepository } from './events/event-versions.repository';
import { InstitutionFeedsRepository } from './feeds/institution-feeds.repository';
import { LedgerRepository } from './events/ledger.repository';
import { SubjectMembersRepository } from './events/subject-members.repository';
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
    LedgerRepository,
    InstitutionFeedsRepository,
    EventVersionsRepository,
    SubjectMembersRepository,
    SubjectLocksRepository,
    IndicatorCountersRepository,
    CounterIds,
    contributionEngineProvider,
    NewVersionsApplier,
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
