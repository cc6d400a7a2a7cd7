import { Injectable } from '@nestjs/common';
import { IndicatorReadings } from '@lib/indicator-readings';
import { findIndicator, RegionLevel } from '@lib/indicators';
import { parsePeriod } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { resolveTarget, Target } from '@lib/targets';
import { StaleFeed, TargetJudge } from '@lib/targets-store';
import { resolveMarginOf } from '../lifecycle/lifecycle';
import { AlertingSettings } from '../settings/alerting-settings';
import { AlertCandidate, EvaluationCell } from './alert-candidate';

/**
 * Reads cells with the same IndicatorReadings the query API uses and judges them with the same
 * TargetJudge (a region's own target, else the default of its level; last year's cells for change rules).
 */
@Injectable()
export class CellJudge {
  constructor(
    private readonly readings: IndicatorReadings,
    private readonly targetJudge: TargetJudge,
    private readonly registry: RegistrySnapshot,
    private readonly settings: AlertingSettings,
  ) {}

  async judge(cells: readonly EvaluationCell[], targets: readonly Target[], staleByCounty: Map<string, StaleFeed[]>, now: Date): Promise<AlertCandidate[]> {
    // Cells with a target, batched by what one read covers (indicator, level, period, dims).
    const batches = new Map<string, EvaluationCell[]>();
    for (const cell of cells) {
      if (!resolveTarget(targets, cell.indicator, cell.region, cell.level, parsePeriod(cell.period).year, cell.dims)) continue;
      const key = [cell.indicator, cell.level, cell.period, cell.dims].join('|');
      const batch = batches.get(key);
      if (batch) batch.push(cell);
      else batches.set(key, [cell]);
    }

    const out: AlertCandidate[] = [];
    for (const group of batches.values()) {
      const { indicator, level, period, dims } = group[0];
      const def = findIndicator(indicator);
      if (!def) continue;
      const current = await this.readings.read(
        def,
        level as RegionLevel,
        group.map((c) => c.region),
        [period],
        dims,
        now,
      );
      const judged = await this.targetJudge.judge(def, level as RegionLevel, period, dims, current, targets, now);
      for (const { region, target, evaluation } of judged) {
        if (!target || !evaluation) continue;
        const bureau = this.bureauOf(level, region);
        const staleFeeds = this.staleFeedsOf(bureau, staleByCounty);
        out.push({
          key: { kind: 'indicator', indicator, dims, level, region, period },
          bureau,
          target,
          judgement: {
            status: evaluation.status,
            expected: evaluation.expected,
            actual: evaluation.actual,
            gap: evaluation.gap,
            detail: {
              ...(staleFeeds.length ? { staleFeeds } : {}),
              ...(evaluation.reason ? { reason: evaluation.reason } : {}),
              ...(evaluation.interval ? { interval: evaluation.interval } : {}),
            },
            holdFiring: staleFeeds.length > 0 && this.settings.feedStaleMode === 'hold',
            resolveMargin: resolveMarginOf(target, evaluation.expected, this.settings.lifecycle.resolveMarginShare),
          },
        });
      }
    }
    return out;
  }

  /** The bureau that owns a region's alerts: the region itself, or an institution's county. */
  bureauOf(level: string, region: string): string {
    return level === 'institution' ? (this.registry.institution(region)?.county ?? region) : region;
  }

  /** Quiet feeds under a bureau's area (its own county, or every county of a city or province). */
  private staleFeedsOf(bureau: string, staleByCounty: Map<string, StaleFeed[]>): StaleFeed[] {
    if (staleByCounty.size === 0) return [];
    const own = staleByCounty.get(bureau);
    if (own) return own;
    return this.registry.regions.descendantsAt(bureau, 'county').flatMap((county) => staleByCounty.get(county.code) ?? []);
  }
}
