import { addDays, DayId } from '@lib/periods';
import { detectOutbreak, OutbreakParams, SERIES_DAYS, WINDOW_DAYS } from './detect-outbreak';
import { baselineWindowEnds, MOVING_PERCENTILE_DEFAULTS, MovingPercentileParams } from './moving-percentile';
import { Signal } from './signal.types';

/** One county's cases of one disease on one CST day (the `disease_cases` day counter). */
export interface DailyCases {
  county: string;
  disease: string;
  day: DayId;
  cases: number;
}

/** The days a judgement on `today` reads: the recent series and every baseline window. */
export function daysToRead(
  today: DayId,
  window: Partial<Pick<MovingPercentileParams, 'years' | 'neighbourWeeks'>> = {},
): { series: DayId[]; baseline: DayId[][] } {
  const series = Array.from({ length: SERIES_DAYS }, (_, i) => addDays(today, i - SERIES_DAYS + 1));
  const baseline = baselineWindowEnds(today, { ...MOVING_PERCENTILE_DEFAULTS, ...window }).map((end) =>
    Array.from({ length: WINDOW_DAYS }, (_, i) => addDays(end, i - WINDOW_DAYS + 1)),
  );
  return { series, baseline };
}

/** A county and disease judged on `today`: its recent days, its history and the detector's signal. */
export interface CountyJudgement {
  county: string;
  disease: string;
  /** Cases per day of `series`, oldest first. */
  daily: number[];
  /** Counts of the baseline windows that count (the county reported any case then). */
  history: number[];
  series: DayId[];
  signal: Signal | null;
}

/**
 * Every county and disease with a case in the recent series (and each of `alsoJudge`) judged by
 * `detectOutbreak`. A baseline window counts — as 0 when it has no case of the disease — when the county
 * reported any case of any disease during it: a county that was reporting then and had no measles had
 * zero measles; a county with no data then has no history, and EARS applies.
 */
export function judgeCounties(
  today: DayId,
  cases: readonly DailyCases[],
  alsoJudge: Iterable<{ county: string; disease: string }> = [],
  params: Partial<OutbreakParams> = {},
): CountyJudgement[] {
  const { series, baseline } = daysToRead(today, params.movingPercentile);
  const byCell = new Map<string, Map<DayId, number>>();
  const countyDays = new Set<string>();
  for (const c of cases) {
    countyDays.add(`${c.county}|${c.day}`);
    const cell = `${c.county}|${c.disease}`;
    let days = byCell.get(cell);
    if (!days) byCell.set(cell, (days = new Map<DayId, number>()));
    days.set(c.day, (days.get(c.day) ?? 0) + c.cases);
  }
  const recent = new Set(series);
  const cells = new Set([...byCell].filter(([, days]) => [...days.keys()].some((d) => recent.has(d))).map(([cell]) => cell));
  for (const { county, disease } of alsoJudge) cells.add(`${county}|${disease}`);

  return [...cells].map((cell) => {
    const [county, disease] = cell.split('|');
    const days = byCell.get(cell) ?? new Map<DayId, number>();
    const daily = series.map((d) => days.get(d) ?? 0);
    const history = baseline
      .filter((window) => window.some((d) => countyDays.has(`${county}|${d}`)))
      .map((window) => window.reduce((sum, d) => sum + (days.get(d) ?? 0), 0));
    return { county, disease, daily, history, series, signal: detectOutbreak(disease, daily, history, params) };
  });
}
