import { Module } from '@nestjs/common';
import { RegistryStoreModule } from '@lib/registry-store';
import { CountersRepository } from './counters.repository';
import { INDICATOR_READINGS_METRICS, IndicatorReadings } from './indicator-readings.service';
import { LiveCounters } from './live-counters';

/** Indicator values from the aggregator's counters and the uploaded populations (query, alerting). */
@Module({
  imports: [RegistryStoreModule],
  providers: [CountersRepository, LiveCounters, IndicatorReadings, ...INDICATOR_READINGS_METRICS],
  exports: [IndicatorReadings, RegistryStoreModule],
})
export class IndicatorReadingsModule {}
