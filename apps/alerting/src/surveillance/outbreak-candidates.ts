import type { DayId } from '@lib/periods';
import { DailyCases, judgeCounties, OutbreakParams, Signal, WINDOW_DAYS } from '@lib/surveillance';
import type { AlertKey, OutbreakEvidence } from '@lib/targets-store';
import type { AlertCandidate } from '../evaluation/alert-candidate';
import type { Judgement } from '../lifecycle/lifecycle';

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
 * open outbreak alert, judged by `judgeCounties` (`detectOutbreak` over its history). The colour is the
 * signal's (none = green, which ends an open alert); the evidence goes into the alert.
 */
export function outbreakCandidates(
  today: DayId,
  cases: readonly DailyCases[],
  open: readonly AlertKey[],
  params: Partial<OutbreakParams> = {},
): AlertCandidate[] {
  const openCells = open.filter((key) => key.kind === 'outbreak').map((key) => ({ county: key.region, disease: key.dims.replace(/^disease=/, '') }));
  return judgeCounties(today, cases, openCells, params).flatMap(({ county, disease, signal, series }) =>
    signal ? [{ key: outbreakKey(county, disease), bureau: county, target: null, judgement: judgementOf(signal, series) }] : [],
  );
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
    ...(signal.daysAgo !== undefined && { day: series[series.length - 1 - signal.daysAgo] }),
  };
  return {
    status: signal.level === 'none' ? 'green' : signal.level,
    expected: signal.level === 'red' || signal.thresholds.yellow === null ? signal.thresholds.red : signal.thresholds.yellow,
    actual: signal.statistic ?? signal.observed,
    gap: null,
    detail: { signal: evidence },
  };
}
