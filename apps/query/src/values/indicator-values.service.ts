import { Injectable } from '@nestjs/common';
import type { RegionLevel } from '@lib/indicators';
import { periodsInRange } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { IndicatorReadings } from '@lib/indicator-readings';
import { belowMinimumOfCases, type Status } from '@lib/targets';
import { ComputedReadsCache } from '../cache/computed-reads.cache';
import type { ReadDependencies } from '../cache/computed-reads';
import { readDependencies } from '../cache/read-dependencies';
import { TargetStatus } from '../status/target-status.service';
import { NamedRegion, nameOf, regionsAtLevel } from './regions-at-level';
import { MAX_SERIES_PERIODS, SeriesRequest, seriesKey, ValuesRequest, valuesKey } from './read-request';

export interface ValueRow {
  region: string;
  name: string;
  level: RegionLevel;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** What the target asks for at this time (threshold, last year + change, pro-rata count); null without a target. */
  target: number | null;
  /** 三色 status, `insufficient_data` when too few cases to judge, `none` without a target or value (STATUSES of libs/targets). */
  status: Status;
  asOf: string | null;
}

export interface RankedRow extends ValueRow {
  rank: number | null;
  /** The value rests on fewer cases than the minimum to judge: listed after the ranked rows, without a rank. */
  belowMinimum: boolean;
  distanceToTarget: number | null;
}

export interface SeriesRow {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  asOf: string | null;
}

export interface Series {
  region: string;
  name: string;
  series: SeriesRow[];
}

/**
 * Values, rankings and series of one indicator within a bureau's scope, from the computed-reads
 * cache; a miss reads the counters and judges the targets.
 */
@Injectable()
export class IndicatorValues {
  constructor(
    private readonly readings: IndicatorReadings,
    private readonly registry: RegistrySnapshot,
    private readonly targetStatus: TargetStatus,
    private readonly cache: ComputedReadsCache,
  ) {}

  values(request: ValuesRequest): Promise<ValueRow[]> {
    return this.cache.read(valuesKey(request), () => {
      const regions = regionsAtLevel(this.registry, request.region, request.level);
      return {
        dependsOn: this.valuesDependOn(request, regions),
        compute: () => this.computeValues(request, regions),
      };
    });
  }

  /** What a values answer is made from (the cells and counters it reads): what invalidates it, and what the stream watches. */
  valuesDependOn(request: ValuesRequest, regions = regionsAtLevel(this.registry, request.region, request.level)): ReadDependencies {
    return readDependencies(
      request.def,
      request.level,
      regions.map((r) => r.region),
      [request.period],
      request.dims,
    );
  }

  /**
   * Values sorted best first (by the indicator's direction), with rank. Regions whose value rests on
   * fewer cases than the minimum (insufficient_data, or the indicator's minimum where no target applies)
   * follow unranked, marked `belowMinimum`; regions without a value come last.
   */
  async ranking(request: ValuesRequest): Promise<RankedRow[]> {
    const rows = await this.values(request);
    const { def } = request;
    const direction = def.higherIsBetter === false ? 1 : -1;
    const tier = (row: ValueRow) => (row.value === null ? 2 : row.status === 'insufficient_data' || belowMinimumOfCases(def, row) ? 1 : 0);
    const tiered = rows.map((row) => ({ row, tier: tier(row) }));
    tiered.sort((a, b) => a.tier - b.tier || (a.tier === 2 ? 0 : direction * (a.row.value! - b.row.value!)));
    return tiered.map(({ row, tier }, i) => ({
      ...row,
      rank: tier === 0 ? i + 1 : null,
      belowMinimum: tier === 1,
      distanceToTarget: row.target === null || row.value === null ? null : row.value - row.target,
    }));
  }

  series(request: SeriesRequest): Promise<Series> {
    return this.cache.read(seriesKey(request), () => {
      const periods = periodsInRange(request.from, request.to, MAX_SERIES_PERIODS);
      return {
        dependsOn: readDependencies(request.def, request.level, [request.region], periods, request.dims),
        compute: () => this.computeSeries(request, periods),
      };
    });
  }

  private async computeValues({ def, level, period, dims }: ValuesRequest, regions: NamedRegion[]): Promise<ValueRow[]> {
    const cells = await this.readings.read(
      def,
      level,
      regions.map((r) => r.region),
      [period],
      dims,
    );
    const judged = await this.targetStatus.judge(def, level, period, dims, cells);
    return cells.map((cell, i) => ({
      region: cell.region,
      name: regions[i].name,
      level,
      ...cell.reading,
      target: judged[i].target,
      status: judged[i].status,
      asOf: cell.asOf,
    }));
  }

  private async computeSeries({ def, region, level, dims }: SeriesRequest, periods: string[]): Promise<Series> {
    const cells = await this.readings.read(def, level, [region], periods, dims);
    return {
      region,
      name: nameOf(this.registry, region),
      series: cells.map((cell) => ({ period: cell.period, ...cell.reading, asOf: cell.asOf })),
    };
  }
}
