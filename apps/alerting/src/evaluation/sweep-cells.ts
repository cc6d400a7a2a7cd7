import { CATALOGUE, RegionLevel } from '@lib/indicators';
import { Granularity, periodsOf } from '@lib/periods';
import type { Target } from '@lib/targets';
import type { EvaluationCell } from './alert-candidate';

export interface RegionsByLevel {
  /** Region codes (or institution ids) of a level. */
  of(level: string): string[];
  /** The level of a region code or institution id; undefined when unknown. */
  levelOf(region: string): string | undefined;
}

/**
 * The cells the clock judges at `now`: every target of the current year (CST) × the regions it covers
 * (every region of its level for `default:<level>`) × the current period of each configured granularity.
 * At a period boundary this set moves on by itself — the new month or year is judged from its first tick.
 */
export function sweepCells(targets: readonly Target[], regions: RegionsByLevel, granularities: ReadonlySet<Granularity>, now: Date): EvaluationCell[] {
  const current = periodsOf(now);
  const year = Number(current.year);
  const cells = new Map<string, EvaluationCell>();
  for (const target of targets) {
    if (target.year !== year) continue;
    const def = CATALOGUE.find((d) => d.code === target.indicator);
    if (!def) continue;
    const defaultLevel = target.scope.startsWith('default:') ? target.scope.slice('default:'.length) : undefined;
    const level = defaultLevel ?? regions.levelOf(target.scope);
    if (!level || !def.levels.includes(level as RegionLevel)) continue;
    const covered = defaultLevel ? regions.of(defaultLevel) : [target.scope];
    for (const granularity of granularities) {
      if (!def.periods.includes(granularity)) continue;
      const period = current[granularity];
      for (const region of covered) {
        const cell = { indicator: target.indicator, level, region, period, dims: target.dims };
        cells.set([cell.indicator, level, region, period, cell.dims].join('|'), cell);
      }
    }
  }
  return [...cells.values()];
}
