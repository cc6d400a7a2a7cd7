import { Module } from '@nestjs/common';
import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { PlatformModule } from '@lib/platform';
import { AggregatorEnvironment } from './aggregator.environment';
import {
  BatchApplier,
  METRIC_BATCH_SECONDS,
  METRIC_DUPLICATES,
  METRIC_EVENTS_APPLIED,
  METRIC_MALFORMED,
} from './consumption/batch-applier';
import { CanonicalEventsConsumer } from './consumption/canonical-events.consumer';
import { ConsumerOffsetsRepository } from './ledger/consumer-offsets.repository';
import { InstitutionFeedsRepository } from './ledger/institution-feeds.repository';
import { LedgerRepository } from './ledger/ledger.repository';
import { LiveCache } from './live/live-cache';

@Module({
  imports: [PlatformModule.forApp({ name: 'aggregator', environment: AggregatorEnvironment })],
  providers: [
    LedgerRepository,
    ConsumerOffsetsRepository,
    InstitutionFeedsRepository,
    LiveCache,
    BatchApplier,
    CanonicalEventsConsumer,
    makeCounterProvider({ name: METRIC_EVENTS_APPLIED, help: 'Canonical event versions applied' }),
    makeCounterProvider({ name: METRIC_DUPLICATES, help: 'Canonical event versions already applied (dropped)' }),
    makeCounterProvider({ name: METRIC_MALFORMED, help: 'Canonical messages that did not parse (skipped)' }),
    makeHistogramProvider({
      name: METRIC_BATCH_SECONDS,
      help: 'Time to apply one partition batch, commit included',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
  ],
})
export class AggregatorModule {}
