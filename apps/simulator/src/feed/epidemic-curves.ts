/**
 * Seasonal epidemic curves of 安康 (陕南), in expected reported cases per 100,000 residents per day by
 * day of the year (1–366): influenza peaks in winter (mid-January), 手足口病 in late spring (May) with
 * a smaller autumn wave, scarlet fever in spring and early winter, infectious diarrhoea in summer;
 * mumps, measles, pertussis and COVID-19 are sporadic, dengue an imported summer case now and then.
 * Rough orders of magnitude of a mountain city's 网络直报, enough for the detectors to have a baseline.
 */
const cosine = (dayOfYear: number, peakDay: number, periodDays = 365) => Math.cos((2 * Math.PI * (dayOfYear - peakDay)) / periodDays);

export const CASES_PER_100K_PER_DAY: Readonly<Record<string, (dayOfYear: number) => number>> = {
  influenza: (d) => 0.0833 * (1 + 0.9 * cosine(d, 15)),
  hfmd: (d) => 0.05 * (1 + 0.8 * cosine(d, 135)) + 0.0167 * Math.max(0, cosine(d, 290, 182)),
  scarlet_fever: (d) => 0.0133 * (1 + 0.5 * cosine(d, 140, 182.5)),
  infectious_diarrhoea: (d) => 0.04 * (1 + 0.6 * cosine(d, 210)),
  mumps: () => 0.0167,
  measles: () => 0.01,
  pertussis: () => 0.004,
  covid19: (d) => 0.01 * (1 + 0.5 * cosine(d, 15)),
  dengue: (d) => 0.0005 * Math.max(0, cosine(d, 240)),
};

/** Expected cases of each disease in a county of `residents` on a day of the year. */
export function expectedCases(residents: number, dayOfYear: number): Record<string, number> {
  return Object.fromEntries(Object.entries(CASES_PER_100K_PER_DAY).map(([disease, curve]) => [disease, (curve(dayOfYear) * residents) / 100_000]));
}

/**
 * A sentinel hospital's day (流感样病例哨点监测): the share of outpatients with influenza-like illness
 * (ILI%, about 2% in summer to 6% at the January peak) and fever-clinic visits per outpatient (5%–12%),
 * both following influenza.
 */
export function sentinelShares(dayOfYear: number): { ili: number; feverClinic: number } {
  const season = Math.max(0, cosine(dayOfYear, 15));
  return { ili: 0.02 + 0.04 * season, feverClinic: 0.05 + 0.07 * season };
}

/** Day of the year (1–366) of a `YYYY-MM-DD` date. */
export function dayOfYear(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86_400_000 + 1;
}

/** Knuth's Poisson draw, fine for the small means of a county and day. */
export function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}
