import { Module } from '@nestjs/common';
import { PlatformModule } from '@lib/platform';
import { AggregatorEnvironment } from './aggregator.environment';
import { AGGREGATOR_METRICS } from './consumption/aggregator.metrics';
import { BatchApplier } from './consumption/batch-applier';
import { CanonicalEventsConsumer } from './consumption/canonical-events.consumer';
import { ConsumerLag } from './consumption/consumer-lag';
import { StoredOffsetsCheck } from './consumption/stored-offsets.check';
import { StoredOffsetsModule } from './consumption/stored-offsets.module';
import { contributionEngineProvider } from './counting/contribution-engine.provider';
import { CounterIds } from './counters/counter-ids';
import { CounterLogFolder } from './counters/counter-log-folder';
import { CounterUpdater } from './counters/counter-updater';
import { IndicatorCountersRepository } from './counters/indicator-counters.repository';
import { SubjectLocksRepository } from './counters/subject-locks.repository';
import { EventVersionsRepository } from './ledger/event-versions.repository';
import { InstitutionFeedsRepository } from './ledger/institution-feeds.repository';
import { LedgerRepository } from './ledger/ledger.repository';
import { SubjectMembersRepository } from './ledger/subject-members.repository';
import { IndicatorChangesPublisher } from './live/indicator-changes.publisher';
import { LiveCache } from './live/live-cache';
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
    CounterUpdater,
    CounterLogFolder,
    LiveCache,
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
