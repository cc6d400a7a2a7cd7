/** `@lib/surveillance`: outbreak detection (疫情预警) as pure functions; docs/surveillance.md. */
export * from './signal.types';
export { fixedThreshold } from './fixed-threshold';
export type { FixedThresholdParams } from './fixed-threshold';
export { baselineWindowEnds, movingPercentile, MOVING_PERCENTILE_DEFAULTS, percentile } from './moving-percentile';
export type { MovingPercentileParams } from './moving-percentile';
export { earsC1, earsC2, earsC3, EARS_DEFAULTS, meanAndSd } from './ears';
export type { EarsParams } from './ears';
export { detectOutbreak, SERIES_DAYS, WINDOW_DAYS } from './detect-outbreak';
export type { OutbreakParams } from './detect-outbreak';
export { daysToRead, judgeCounties } from './county-judgements';
export type { CountyJudgement, DailyCases } from './county-judgements';
