import { Injectable } from '@nestjs/common';
import { IndicatorReadings } from '@lib/indicator-readings';
import { findIndicator, RegionLevel } from '@lib/indicators';
import { parsePeriod, previousYearPeriod } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { evaluateTarget, resolveTarget, Target } from '@lib/targets';
import type { StaleFeed } from '@lib/targets-store';
import { AlertingSettings } from '../settings/alerting-settings';
import { AlertCandidate, EvaluationCell } from './alert-candidate';

/**
 * Reads cells with the same IndicatorReadings the query API uses and judges them against their targets
 * (a region's own, else the default of its level). Change targets read the same period a year earlier too.
 */
@Injectable()
export class CellJudge {
  constructor(
    private readonly readings: IndicatorReadings,
    private readonly registry: RegistrySnapshot,
    private readonly settings: AlertingSettings,
  ) {}

  async judge(cells: readonly EvaluationCell[], targets: readonly Target[], staleByCounty: Map<string, StaleFeed[]>, now: Date): Promise<AlertCandidate[]> {
    const batches = new Map<string, { cells: EvaluationCell[]; target: Map<string, Target> }>();
    for (const cell of cells) {
      const target = resolveTarget(targets, cell.indicator, cell.region, cell.level, parsePeriod(cell.period).year, cell.dims);
      if (!target) continue;
      const key = [cell.indicator, cell.level, cell.period, cell.dims].join('|');
      const batch = batches.get(key) ?? { cells: [] as EvaluationCell[], target: new Map<string, Target>() };
      batch.cells.push(cell);
      batch.target.set(cell.region, target);
      batches.set(key, batch);
    }

    const out: AlertCandidate[] = [];
    for (const { cells: group, target: targetOf } of batches.values()) {
      const { indicator, level, period, dims } = group[0];
      const def = findIndicator(indicator);
      if (!def) continue;
      const regions = group.map((c) => c.region);
      const current = await this.readings.read(def, level as RegionLevel, regions, [period], dims, now);
      const needsPrevious = [...targetOf.values()].some((t) => t.rule.kind === 'change');
      const previous = needsPrevious ? await this.readings.read(def, level as RegionLevel, regions, [previousYearPeriod(period)], dims, now) : [];
      const previousOf = new Map(previous.map((cell) => [cell.region, cell.reading.value]));

      for (const cell of current) {
        const target = targetOf.get(cell.region)!;
        const evaluation = evaluateTarget(target, period, { ...cell.reading, previousYearValue: previousOf.get(cell.region) ?? null }, now);
        const bureau = this.bureauOf(level, cell.region);
        const staleFeeds = this.staleFeedsOf(bureau, staleByCounty);
        out.push({
          key: { kind: 'indicator', indicator, dims, level, region: cell.region, period },
          bureau,
          target,
          judgement: {
            status: evaluation.status,
            expected: evaluation.expected,
            actual: evaluation.actual,
            gap: evaluation.gap,
            detail: { ...(staleFeeds.length ? { staleFeeds } : {}), ...(evaluation.reason ? { reason: evaluation.reason } : {}) },
            holdFiring: staleFeeds.length > 0 && this.settings.feedStaleMode === 'hold',
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
