import { notifiableDisease, NOTIFIABLE_DISEASES } from '@lib/contracts';
import { addDays, DayId } from '@lib/periods';
import { DailyCases, judgeCounties, WINDOW_DAYS } from '@lib/surveillance';

/** An open outbreak alert of a county and disease (its colour is the panel's). */
export interface OpenOutbreak {
  county: string;
  disease: string;
  state: 'pending' | 'firing';
  status: 'yellow' | 'red';
}

/** One county × disease square of the epidemic panel (疫情三色预警一览). */
export interface EpidemicCell {
  region: string;
  disease: string;
  /** Cases in the 7 days to today, and in the 7 days before them. */
  cases: number;
  previous: number;
  /** The 三色预警 colour: an open outbreak alert's status, green without one. */
  status: 'green' | 'yellow' | 'red';
  alertState: 'pending' | 'firing' | null;
  /** The detector's method on today's counts, and its band where it is the moving percentile (P80, maximum). */
  method: string | null;
  band: { yellow: number; red: number } | null;
  /** Where this week's count lies against the band: above its top, above P80, within; null without a band. */
  position: 'above_red' | 'above_yellow' | 'within' | null;
}

export interface EpidemicPanel {
  windowFrom: DayId;
  windowTo: DayId;
  /** Diseases with a cell, in the order of the notifiable list (甲类 first), with their Chinese names. */
  diseases: { code: string; name: string }[];
  cells: EpidemicCell[];
}

/** Days the panel reads besides the detector's: the 7 days before the current window. */
export const PANEL_DAYS = 2 * WINDOW_DAYS;

/**
 * The epidemic panel of `counties` on `today`: every county and disease with a case in the last 18 days
 * or an open outbreak alert, with this week's count against last week's and against the baseline band
 * of the same detector the alerting app runs (library defaults: P80 and the maximum). The colour is the
 * alert's, so the panel never shows a warning the alert lifecycle has not raised (or has silenced away).
 */
export function epidemicPanel(today: DayId, counties: readonly string[], cases: readonly DailyCases[], open: readonly OpenOutbreak[]): EpidemicPanel {
  const inScope = new Set(counties);
  const rows = cases.filter((c) => inScope.has(c.county));
  const alerts = open.filter((a) => inScope.has(a.county));
  const alertOf = new Map(alerts.map((a) => [`${a.county}|${a.disease}`, a]));
  const windowFrom = addDays(today, 1 - WINDOW_DAYS);
  const previousFrom = addDays(today, 1 - PANEL_DAYS);
  const sum = (county: string, disease: string, from: DayId, to: DayId) =>
    rows.filter((c) => c.county === county && c.disease === disease && c.day >= from && c.day <= to).reduce((n, c) => n + c.cases, 0);

  const cells = judgeCounties(today, rows, alerts).map(({ county, disease, signal }): EpidemicCell => {
    const alert = alertOf.get(`${county}|${disease}`);
    const cases = sum(county, disease, windowFrom, today);
    const band = signal?.method === 'moving_percentile' ? { yellow: signal.thresholds.yellow!, red: signal.thresholds.red! } : null;
    return {
      region: county,
      disease,
      cases,
      previous: sum(county, disease, previousFrom, addDays(windowFrom, -1)),
      status: alert?.status ?? 'green',
      alertState: alert?.state ?? null,
      method: signal?.method ?? null,
      band,
      position: band === null ? null : cases > band.red ? 'above_red' : cases > band.yellow ? 'above_yellow' : 'within',
    };
  });
  const order = new Map(NOTIFIABLE_DISEASES.map((d, i) => [d.code, i]));
  const diseases = [...new Set(cells.map((c) => c.disease))]
    .sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b))
    .map((code) => ({ code, name: notifiableDisease(code)?.name ?? code }));
  return { windowFrom, windowTo: today, diseases, cells: cells.sort((a, b) => a.region.localeCompare(b.region) || a.disease.localeCompare(b.disease)) };
}
