import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { counterSourceFromRows, groupBy, IndicatorDefinition, IndicatorReading, readIndicator, RegionLevel, storedPeriodsOf } from '@lib/indicators';
import { granularityOf, parsePeriod, periodsOf } from '@lib/periods';
import { Counter } from 'prom-client';
import { PopulationsRepository, RegistrySnapshot } from '@lib/registry-store';
import { countersReadFor, readsPopulation } from './counter-ranges';
import { CountersRepository, StoredCounter } from './counters.repository';
import { LiveCounters } from './live-counters';
import { populationLookup } from './population-lookup';

export const METRIC_COUNTER_READS = 'indicator_reads_total';
export const INDICATOR_READINGS_METRICS = [
  makeCounterProvider({ name: METRIC_COUNTER_READS, help: 'Counter reads by source (live Redis cache or PostgreSQL)', labelNames: ['source'] }),
];

export interface Cell {
  region: string;
  period: string;
  reading: IndicatorReading;
  /** When the newest counter behind the value last changed; null when no event has counted yet. */
  asOf: string | null;
}

/**
 * Values of indicator cells from the aggregator's counters, read by the catalogue's rules (the
 * same `readIndicator` the tests use): one round trip per request, whatever the number of cells.
 * Live periods (this year's) come from the Redis cache when it is ready, history from PostgreSQL.
 */
@Injectable()
export class IndicatorReadings {
  constructor(
    private readonly counters: CountersRepository,
    private readonly live: LiveCounters,
    private readonly populations: PopulationsRepository,
    private readonly registry: RegistrySnapshot,
    @InjectMetric(METRIC_COUNTER_READS) private readonly counterReads: Counter,
  ) {}

  /** Several regions of one level, several periods of one granularity (values, rankings, series). */
  async read(def: IndicatorDefinition, level: RegionLevel, regions: string[], periods: string[], dims: string, now = new Date()): Promise<Cell[]> {
    const rows = await this.counterRows(def, level, regions, periods, dims, now);
    const byRegion = groupBy(rows, (row) => row.region);
    const populationRows = readsPopulation(def) ? await this.populations.forYears([...new Set(periods.map((p) => parsePeriod(p).year))]) : [];

    return regions.flatMap((region) => {
      const mine = byRegion.get(region) ?? [];
      const source = counterSourceFromRows(mine, { indicator: def.code, level, region, dims });
      const population = populationLookup(populationRows, this.registry.regions, region);
      return periods.map((period) => {
        const stored = storedPeriodsOf(def, period);
        return {
          region,
          period,
          reading: readIndicator(def, period, source, { dims, population, asOf: now }),
          asOf: newest(mine.filter((row) => row.period <= stored.last && granularityOf(row.period) === stored.granularity)),
        };
      });
    });
  }

  private async counterRows(
    def: IndicatorDefinition,
    level: RegionLevel,
    regions: string[],
    periods: string[],
    dims: string,
    now: Date,
  ): Promise<StoredCounter[]> {
    const ranges = countersReadFor(def, periods);
    if (isLive(periods, now)) {
      const live = await this.live.rows(def.code, level, regions, dims, [...new Set(ranges.map((r) => r.granularity))]);
      if (live) {
        this.counterReads.inc({ source: 'redis' });
        return live;
      }
    }
    this.counterReads.inc({ source: 'postgres' });
    return this.counters.rows(def.code, level, regions, dims, ranges);
  }
}

function isLive(periods: string[], now: Date): boolean {
  const year = periodsOf(now).year;
  return periods.every((period) => period.startsWith(year));
}

function newest(rows: StoredCounter[]): string | null {
  let max = 0;
  for (const row of rows) max = Math.max(max, row.updatedAt.getTime());
  return max === 0 ? null : new Date(max).toISOString();
}
