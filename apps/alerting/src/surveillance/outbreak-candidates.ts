import { addDays, DayId } from '@lib/periods';
import {
  baselineWindowEnds,
  detectOutbreak,
  MOVING_PERCENTILE_DEFAULTS,
  MovingPercentileParams,
  OutbreakParams,
  SERIES_DAYS,
  Signal,
  WINDOW_DAYS,
} from '@lib/surveillance';
import type { AlertKey, OutbreakEvidence } from '@lib/targets-store';
import type { AlertCandidate } from '../evaluation/alert-candidate';
import type { Judgement } from '../lifecycle/lifecycle';

/** One county's cases of one disease on one CST day (the `disease_cases` day counter). */
export interface DailyCases {
  county: string;
  disease: string;
  day: DayId;
  cases: number;
}

/** The days whose counters an evaluation on `today` reads: the recent series and every baseline window. */
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

export const outbreakKey = (county: string, disease: string): AlertKey => ({
  kind: 'outbreak',
  indicator: 'disease_cases',
  dims: `disease=${disease}`,
  level: 'county',
  region: county,
  period: '',
});

/**
 * 疫情三色预警 as alert candidates: every county and disease with a case in the recent series, or with an
 * open outbreak alert, judged by `detectOutbreak`. A baseline window counts (as 0 when it has no cases of
 * the disease) when the county reported any case of any disease during it: a county that was reporting
 * then and had no measles had zero measles; a county with no data then has no history, and EARS applies.
 * The colour is the signal's (none = green, which ends an open alert); the evidence goes into the alert.
 */
export function outbreakCandidates(
  today: DayId,
  cases: readonly DailyCases[],
  open: readonly AlertKey[],
  params: Partial<OutbreakParams> = {},
): AlertCandidate[] {
  const { series, baseline } = daysToRead(today, params.movingPercentile);
  const byCell = new Map<string, Map<DayId, number>>();
  const countyDays = new Set<string>();
  for (const c of cases) {
    countyDays.add(`${c.county}|${c.day}`);
    const cell = `${c.county}|${c.disease}`;
    let days = byCell.get(cell);
    if (!days) byCell.set(cell, (days = new Map()));
    days.set(c.day, (days.get(c.day) ?? 0) + c.cases);
  }
  const recent = new Set(series);
  const cells = new Set([...byCell].filter(([, days]) => [...days.keys()].some((d) => recent.has(d))).map(([cell]) => cell));
  for (const key of open) if (key.kind === 'outbreak') cells.add(`${key.region}|${key.dims.replace(/^disease=/, '')}`);

  const out: AlertCandidate[] = [];
  for (const cell of cells) {
    const [county, disease] = cell.split('|');
    const days = byCell.get(cell) ?? new Map<DayId, number>();
    const daily = series.map((d) => days.get(d) ?? 0);
    const history = baseline
      .filter((window) => window.some((d) => countyDays.has(`${county}|${d}`)))
      .map((window) => window.reduce((sum, d) => sum + (days.get(d) ?? 0), 0));
    const signal = detectOutbreak(disease, daily, history, params);
    if (!signal) continue;
    out.push({ key: outbreakKey(county, disease), bureau: county, target: null, judgement: judgementOf(signal, series) });
  }
  return out;
}

function judgementOf(signal: Signal, series: readonly DayId[]): Judgement {
  const evidence: OutbreakEvidence = {
    method: signal.method,
    level: signal.level,
    observed: signal.observed,
    thresholds: signal.thresholds,
    ...(signal.statistic !== undefined && { statistic: signal.statistic }),
    ...(signal.baseline && { baseline: signal.baseline }),
    ...(signal.percentiles && { percentiles: signal.percentiles }),
    windowFrom: series[series.length - WINDOW_DAYS],
    windowTo: series[series.length - 1],
  };
  return {
    status: signal.level === 'none' ? 'green' : signal.level,
    expected: signal.level === 'red' || signal.thresholds.yellow === null ? signal.thresholds.red : signal.thresholds.yellow,
    actual: signal.statistic ?? signal.observed,
    gap: null,
    detail: { signal: evidence },
  };
}
