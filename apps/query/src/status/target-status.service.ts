import { Injectable } from '@nestjs/common';
import type { IndicatorDefinition, RegionLevel } from '@lib/indicators';
import type { Evaluation, Status, Target } from '@lib/targets';
import { CellToJudge, TargetJudge, TargetsRepository } from '@lib/targets-store';

const CACHE_MS = 30_000;

/** A cell's status as values and rankings show it; `target` is what the target asks for at this time. */
export type CellStatus = Evaluation & { target: number | null };

/**
 * Targets and three-colour status (三色预警) for values the query API returns, judged at read time (so
 * time alone moves a pro-rata status) by TargetJudge, the judge the alerting app uses too: a cell too
 * small to judge reads `insufficient_data` here exactly when it raises no alert there.
 */
@Injectable()
export class TargetStatus {
  private cache?: { at: number; targets: Target[] };

  constructor(
    private readonly targets: TargetsRepository,
    private readonly targetJudge: TargetJudge,
  ) {}

  async judge(def: IndicatorDefinition, level: RegionLevel, period: string, dims: string, cells: CellToJudge[], now = new Date()): Promise<CellStatus[]> {
    const judged = await this.targetJudge.judge(def, level, period, dims, cells, await this.allTargets(), now);
    return judged.map(({ evaluation }, i) =>
      evaluation ? { ...evaluation, target: evaluation.expected } : { status: 'none' as Status, expected: null, actual: cells[i].reading.value, gap: null, target: null },
    );
  }

  private async allTargets(): Promise<Target[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.targets;
    const targets = await this.targets.all();
    this.cache = { at: Date.now(), targets };
    return targets;
  }
}
