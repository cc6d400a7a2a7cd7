import { Injectable } from '@nestjs/common';
import type { IndicatorDefinition, RegionLevel } from '@lib/indicators';
import { periodsInRange } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { IndicatorReadings } from '@lib/indicator-readings';
import { belowMinimumOfCases, type Status } from '@lib/targets';
import { TargetStatus } from '../status/target-status.service';
import { regionInScope } from '../auth/scope';
import { levelOf, nameOf, regionsAtLevel } from './regions-at-level';

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

/** Longest series answered: 400 months is 33 years, 400 days 13 months. */
export const MAX_SERIES_PERIODS = 400;

/** Values, rankings and series of one indicator within a bureau's scope. */
@Injectable()
export class IndicatorValues {
  constructor(
    private readonly readings: IndicatorReadings,
    private readonly registry: RegistrySnapshot,
    private readonly targetStatus: TargetStatus,
  ) {}

  async values(def: IndicatorDefinition, scope: string, region: string, level: RegionLevel | undefined, period: string, dims: string): Promise<ValueRow[]> {
    const root = regionInScope(this.registry, region, scope);
    const at = level ?? levelOf(this.registry, root);
    const regions = regionsAtLevel(this.registry, root, at);
    const cells = await this.readings.read(def, at, regions.map((r) => r.region), [period], dims);
    const judged = await this.targetStatus.judge(def, at, period, dims, cells);
    return cells.map((cell, i) => ({
      region: cell.region,
      name: regions[i].name,
      level: at,
      ...cell.reading,
      target: judged[i].target,
      status: judged[i].status,
      asOf: cell.asOf,
    }));
  }

  /**
   * Values sorted best first (by the indicator's direction), with rank. Regions whose value rests on
   * fewer cases than the minimum (insufficient_data, or the indicator's minimum where no target applies)
   * follow unranked, marked `belowMinimum`; regions without a value come last.
   */
  async ranking(def: IndicatorDefinition, scope: string, region: string, level: RegionLevel | undefined, period: string, dims: string): Promise<RankedRow[]> {
    const rows = await this.values(def, scope, region, level, period, dims);
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

  async series(def: IndicatorDefinition, scope: string, region: string, from: string, to: string, dims: string): Promise<{ region: string; name: string; series: SeriesRow[] }> {
    const root = regionInScope(this.registry, region, scope);
    const periods = periodsInRange(from, to, MAX_SERIES_PERIODS);
    const cells = await this.readings.read(def, levelOf(this.registry, root), [root], periods, dims);
    return {
      region: root,
      name: nameOf(this.registry, root),
      series: cells.map((cell) => ({ period: cell.period, ...cell.reading, asOf: cell.asOf })),
    };
  }
}
