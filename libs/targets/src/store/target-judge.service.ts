import { Injectable } from '@nestjs/common';
import type { IndicatorDefinition, IndicatorReading, RegionLevel } from '@lib/indicators';
import { IndicatorReadings } from '@lib/indicator-readings';
import { parsePeriod, previousYearPeriod } from '@lib/periods';
import { judgeCell } from '../evaluate-target';
import { resolveTarget } from '../resolve-target';
import type { Evaluation, Target } from '../target.types';

export interface CellToJudge {
  region: string;
  reading: IndicatorReading;
}

export interface JudgedCell {
  region: string;
  /** The target that applies (the region's own, else its level's default); undefined when none does. */
  target: Target | undefined;
  evaluation: Evaluation | undefined;
}

/**
 * Cells of one indicator, level, period and dims against their targets, reading the same period a year
 * earlier when a change rule needs it. The query API (values, rankings) and the alerting app both judge
 * through here, so a cell's colour and its alert never disagree.
 */
@Injectable()
export class TargetJudge {
  constructor(private readonly readings: IndicatorReadings) {}

  async judge(
    def: IndicatorDefinition,
    level: RegionLevel,
    period: string,
    dims: string,
    cells: readonly CellToJudge[],
    targets: readonly Target[],
    now: Date,
  ): Promise<JudgedCell[]> {
    const year = parsePeriod(period).year;
    const applying = cells.map((cell) => resolveTarget(targets, def.code, cell.region, level, year, dims));
    const lastYear = applying.some((t) => t?.rule.kind === 'change')
      ? new Map(
          (
            await this.readings.read(
              def,
              level,
              cells.map((c) => c.region),
              [previousYearPeriod(period)],
              dims,
              now,
            )
          ).map((c) => [c.region, c.reading]),
        )
      : new Map<string, IndicatorReading>();
    return cells.map((cell, i) => {
      const target = applying[i];
      return { region: cell.region, target, evaluation: target && judgeCell(def, target, period, cell.reading, lastYear.get(cell.region) ?? null, now) };
    });
  }
}
