import { Injectable } from '@nestjs/common';
import type { IndicatorDefinition, IndicatorReading, RegionLevel } from '@lib/indicators';
import { IndicatorReadings } from '@lib/indicator-readings';
import { parsePeriod, previousYearPeriod } from '@lib/periods';
import { Evaluation, evaluateTarget, resolveTarget, Target } from '@lib/targets';
import { TargetsRepository } from '@lib/targets-store';

const CACHE_MS = 30_000;

export interface CellToJudge {
  region: string;
  reading: IndicatorReading;
}

/**
 * Targets and three-colour status (三色预警) for values the query API returns, judged by the same
 * pure evaluation the alerting service uses, at read time (so time alone moves a pro-rata status).
 */
@Injectable()
export class TargetStatus {
  private cache?: { at: number; targets: Target[] };

  constructor(
    private readonly targets: TargetsRepository,
    private readonly readings: IndicatorReadings,
  ) {}

  async judge(def: IndicatorDefinition, level: RegionLevel, period: string, dims: string, cells: CellToJudge[], now = new Date()): Promise<(Evaluation & { target: number | null })[]> {
    const year = parsePeriod(period).year;
    const all = await this.allTargets();
    const targets = cells.map((cell) => resolveTarget(all, def.code, cell.region, level, year, dims));
    const previous = targets.some((t) => t?.rule.kind === 'change')
      ? new Map((await this.readings.read(def, level, cells.map((c) => c.region), [previousYearPeriod(period)], dims, now)).map((c) => [c.region, c.reading.value]))
      : new Map<string, number | null>();
    return cells.map((cell, i) => {
      const target = targets[i];
      if (!target) return { status: 'none', expected: null, actual: cell.reading.value, gap: null, target: null };
      const evaluation = evaluateTarget(target, period, { ...cell.reading, previousYearValue: previous.get(cell.region) ?? null }, now);
      return { ...evaluation, target: evaluation.expected };
    });
  }

  private async allTargets(): Promise<Target[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.targets;
    const targets = await this.targets.all();
    this.cache = { at: Date.now(), targets };
    return targets;
  }
}
