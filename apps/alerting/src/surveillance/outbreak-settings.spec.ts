import { InvalidEnvironmentError, validateEnvironment } from '@lib/config';
import { EARS_DEFAULTS, MOVING_PERCENTILE_DEFAULTS } from '@lib/surveillance';
import { AlertingEnvironment } from '../alerting.environment';
import { outbreakSettings } from './outbreak-settings';

const settingsOf = (raw: Record<string, string>) => outbreakSettings(validateEnvironment(AlertingEnvironment, raw));
const problemsOf = (raw: Record<string, string>) => {
  try {
    validateEnvironment(AlertingEnvironment, raw);
    return '';
  } catch (error) {
    return (error as InvalidEnvironmentError).problems.join('\n');
  }
};

describe('outbreak detector settings (OUTBREAK_*)', () => {
  it('default to the detectors’ own defaults: nothing listed, P80, the maximum, minimum count 3, EARS 3/3/2', () => {
    expect(settingsOf({})).toEqual({ fixedThreshold: { listedDiseases: [] }, movingPercentile: MOVING_PERCENTILE_DEFAULTS, ears: EARS_DEFAULTS });
  });

  it('reads every parameter', () => {
    expect(
      settingsOf({
        OUTBREAK_LISTED_DISEASES: 'polio, diphtheria,polio',
        OUTBREAK_YELLOW_PERCENTILE: '0.9',
        OUTBREAK_RED_PERCENTILE: '0.95',
        OUTBREAK_MIN_COUNT: '5',
        OUTBREAK_BASELINE_YEARS: '5',
        OUTBREAK_NEIGHBOUR_WEEKS: '1',
        OUTBREAK_MIN_HISTORY: '15',
        OUTBREAK_EARS_MIN_SIGMA: '1',
        OUTBREAK_EARS_THRESHOLDS: '2.5,3,4',
        OUTBREAK_EARS_MIN_COUNT: '3',
      }),
    ).toEqual({
      fixedThreshold: { listedDiseases: ['polio', 'diphtheria'] },
      movingPercentile: { years: 5, neighbourWeeks: 1, yellowPercentile: 0.9, redPercentile: 0.95, minCount: 5, minHistory: 15 },
      ears: { minSigma: 1, threshold: { c1: 2.5, c2: 3, c3: 4 }, minCount: 3 },
    });
  });

  it('refuses codes off the notifiable list, a red percentile at or below yellow, and more history than a baseline holds', () => {
    expect(problemsOf({ OUTBREAK_LISTED_DISEASES: 'polio,ebola_x' })).toMatch(/OUTBREAK_LISTED_DISEASES: not on the notifiable list: ebola_x/);
    expect(problemsOf({ OUTBREAK_LISTED_DISEASES: 'Polio;measles' })).toMatch(/OUTBREAK_LISTED_DISEASES/);
    expect(problemsOf({ OUTBREAK_RED_PERCENTILE: '0.8' })).toMatch(/OUTBREAK_RED_PERCENTILE must be above OUTBREAK_YELLOW_PERCENTILE/);
    expect(problemsOf({ OUTBREAK_RED_PERCENTILE: 'highest' })).toMatch(/OUTBREAK_RED_PERCENTILE must be `max`/);
    expect(problemsOf({ OUTBREAK_RED_PERCENTILE: '1' })).toBe('');
    // 2 years × (2 × 1 + 1) = 6 windows at most.
    expect(problemsOf({ OUTBREAK_BASELINE_YEARS: '2', OUTBREAK_NEIGHBOUR_WEEKS: '1', OUTBREAK_MIN_HISTORY: '7' })).toMatch(
      /OUTBREAK_MIN_HISTORY must not exceed/,
    );
    expect(problemsOf({ OUTBREAK_BASELINE_YEARS: '2', OUTBREAK_NEIGHBOUR_WEEKS: '1', OUTBREAK_MIN_HISTORY: '6' })).toBe('');
    expect(problemsOf({ OUTBREAK_EARS_THRESHOLDS: '3,3' })).toMatch(/OUTBREAK_EARS_THRESHOLDS must be three numbers/);
    expect(problemsOf({ OUTBREAK_YELLOW_PERCENTILE: '0.3' })).toMatch(/OUTBREAK_YELLOW_PERCENTILE/);
  });
});
