import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { merge, Subscription } from 'rxjs';
import type { IndicatorDefinition, RegionLevel } from '@lib/indicators';
import type { Evaluation, Target } from '@lib/targets';
import { CellToJudge, TargetJudge, TargetsRepository } from '@lib/targets-store';
import { ReferenceDataChanges } from '../cache/reference-data-changes';
import type { QueryEnvironment } from '../query.environment';

/** A cell's status as values and rankings show it; `target` is what the target asks for at this time. */
export type CellStatus = Evaluation & { target: number | null };

/**
 * Targets and three-colour status (三色预警) for values the query API returns, judged at read time (so
 * time alone moves a pro-rata status) by TargetJudge, the judge the alerting app uses too: a cell too
 * small to judge reads `insufficient_data` here exactly when it raises no alert there. The target list
 * is read again after any target change PostgreSQL notifies, and at least every QUERY_TARGETS_REFRESH_MS (30 s).
 */
@Injectable()
export class TargetStatus implements OnModuleDestroy {
  private cache?: { at: number; targets: Target[] };
  /** Grows when the targets change: a list read before that is not kept. */
  private generation = 0;
  private readonly subscription: Subscription;
  private readonly refreshMs: number;

  constructor(
    private readonly targets: TargetsRepository,
    private readonly targetJudge: TargetJudge,
    referenceData: ReferenceDataChanges,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.refreshMs = config.get('QUERY_TARGETS_REFRESH_MS', { infer: true });
    // A target change, or a gap in the notifications (any target may have changed meanwhile).
    this.subscription = merge(referenceData.changes, referenceData.listening).subscribe((event) => {
      if (typeof event === 'boolean' || event.table === 'targets') this.forget();
    });
  }

  onModuleDestroy() {
    this.subscription.unsubscribe();
  }

  async judge(def: IndicatorDefinition, level: RegionLevel, period: string, dims: string, cells: CellToJudge[], now = new Date()): Promise<CellStatus[]> {
    const judged = await this.targetJudge.judge(def, level, period, dims, cells, await this.allTargets(), now);
    return judged.map(({ evaluation }, i) =>
      evaluation ? { ...evaluation, target: evaluation.expected } : { status: 'none', expected: null, actual: cells[i].reading.value, gap: null, target: null },
    );
  }

  private forget(): void {
    this.generation += 1;
    this.cache = undefined;
  }

  private async allTargets(): Promise<Target[]> {
    if (this.cache && Date.now() - this.cache.at < this.refreshMs) return this.cache.targets;
    const generation = this.generation;
    const targets = await this.targets.all();
    if (generation === this.generation) this.cache = { at: Date.now(), targets };
    return targets;
  }
}
