export { CountersRepository } from './counters.repository';
export type { CounterRange, StoredCounter } from './counters.repository';
export { IndicatorReadings } from './indicator-readings.service';
export type { Cell } from './indicator-readings.service';
export { IndicatorReadingsModule } from './indicator-readings.module';
export { populationLookup } from './population-lookup';
export { LIVE_COUNTERS_READY, liveCounterField, liveCounterHash } from './live-counter-keys';
export { LiveCounters } from './live-counters';
