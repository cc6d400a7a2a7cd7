import { ANKANG_COUNTIES } from '@lib/registry';

/**
 * Scenarios bend one share of the steady feed so a target is missed in a way a bureau would see:
 * `county-decline:<county>[:<days>]` makes that county's residents leave it for care more and more
 * (县域就诊率 decays from its steady ~90% towards 75% with a time constant of `days`, 28 by default,
 * counted from the start of the feed; use a fraction of a day for a live demo).
 */
export type FeedScenario = { kind: 'steady' } | { kind: 'county-decline'; county: string; floorShare: number; timeConstantDays: number };

export const DECLINE_FLOOR_SHARE = 0.75;
const DEFAULT_TIME_CONSTANT_DAYS = 28;

export function parseScenario(text: string): FeedScenario {
  if (text === 'steady') return { kind: 'steady' };
  const m = /^county-decline:(\d{6})(?::(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) throw new Error(`unknown scenario "${text}": use steady or county-decline:<county>[:<days>]`);
  if (!ANKANG_COUNTIES.some((c) => c.code === m[1])) throw new Error(`scenario county ${m[1]} is not an Ankang county`);
  const days = m[2] === undefined ? DEFAULT_TIME_CONSTANT_DAYS : Number(m[2]);
  if (!(days > 0)) throw new Error(`scenario time constant must be positive: ${m[2]}`);
  return { kind: 'county-decline', county: m[1], floorShare: DECLINE_FLOOR_SHARE, timeConstantDays: days };
}

export function scenarioText(scenario: FeedScenario): string {
  return scenario.kind === 'steady' ? 'steady' : `county-decline:${scenario.county}:${scenario.timeConstantDays}`;
}
