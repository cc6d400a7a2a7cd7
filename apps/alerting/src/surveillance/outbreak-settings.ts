import { DISEASE_CODES } from '@lib/contracts';
import type { EarsParams, FixedThresholdParams, MovingPercentileParams } from '@lib/surveillance';

/** The detectors' variables of AlertingEnvironment (docs/surveillance.md, detector settings). */
export interface OutbreakVariables {
  OUTBREAK_LISTED_DISEASES: string;
  OUTBREAK_YELLOW_PERCENTILE: number;
  OUTBREAK_RED_PERCENTILE: string;
  OUTBREAK_MIN_COUNT: number;
  OUTBREAK_BASELINE_YEARS: number;
  OUTBREAK_NEIGHBOUR_WEEKS: number;
  OUTBREAK_MIN_HISTORY: number;
  OUTBREAK_EARS_MIN_SIGMA: number;
  OUTBREAK_EARS_THRESHOLDS: string;
  OUTBREAK_EARS_MIN_COUNT: number;
}

/** Every parameter of the three methods, none left to a library default. */
export interface OutbreakSettings {
  fixedThreshold: Required<FixedThresholdParams>;
  movingPercentile: MovingPercentileParams;
  ears: EarsParams;
}

/** `a,b,c` codes; blanks and repeats dropped. */
export function diseaseList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}

/** Codes of a list that are not on the national notifiable list. */
export function unknownDiseases(value: string): string[] {
  return diseaseList(value).filter((code) => !DISEASE_CODES.includes(code));
}

/** `max` is the history's maximum (null); otherwise the percentile as a share (0.95). */
export function redPercentile(value: string): number | null {
  return value.trim() === 'max' ? null : Number(value);
}

/** The C1, C2, C3 thresholds of `3,3,2`. */
export function earsThresholds(value: string): EarsParams['threshold'] {
  const [c1, c2, c3] = value.split(',').map(Number);
  return { c1, c2, c3 };
}

/** Historical windows a baseline can have at most: each year's window and its neighbours either side. */
export const possibleWindows = (years: number, neighbourWeeks: number) => years * (2 * neighbourWeeks + 1);

export function outbreakSettings(v: OutbreakVariables): OutbreakSettings {
  return {
    fixedThreshold: { listedDiseases: diseaseList(v.OUTBREAK_LISTED_DISEASES) },
    movingPercentile: {
      years: v.OUTBREAK_BASELINE_YEARS,
      neighbourWeeks: v.OUTBREAK_NEIGHBOUR_WEEKS,
      yellowPercentile: v.OUTBREAK_YELLOW_PERCENTILE,
      redPercentile: redPercentile(v.OUTBREAK_RED_PERCENTILE),
      minCount: v.OUTBREAK_MIN_COUNT,
      minHistory: v.OUTBREAK_MIN_HISTORY,
    },
    ears: { minSigma: v.OUTBREAK_EARS_MIN_SIGMA, threshold: earsThresholds(v.OUTBREAK_EARS_THRESHOLDS), minCount: v.OUTBREAK_EARS_MIN_COUNT },
  };
}
