import { ANKANG_COUNTIES } from '@lib/registry';

/**
 * Scenarios bend one share of the steady feed so a bureau would see something happen:
 * - `county-decline:<county>[:<days>]` makes that county's residents leave it for care more and more
 *   (县域就诊率 decays from its steady ~90% towards 75% with a time constant of `days`, 28 by default,
 *   counted from the start of the feed; use a fraction of a day for a live demo);
 * - `measles-cluster:<county>[:<days>]` adds a cluster of 8 confirmed measles cases among that county's
 *   residents, spread evenly over `days` (7 by default; a fraction for a live demo) from the start of
 *   the feed, on top of the seasonal epidemic feed (`epidemic-feed.ts`): an outbreak the detectors
 *   must catch (docs/surveillance.md).
 */
export type FeedScenario =
  | { kind: 'steady' }
  | { kind: 'county-decline'; county: string; floorShare: number; timeConstantDays: number }
  | { kind: 'measles-cluster'; county: string; cases: number; days: number };

export const DECLINE_FLOOR_SHARE = 0.75;
const DEFAULT_TIME_CONSTANT_DAYS = 28;
export const CLUSTER_CASES = 8;
const DEFAULT_CLUSTER_DAYS = 7;

export function parseScenario(text: string): FeedScenario {
  if (text === 'steady') return { kind: 'steady' };
  const m = /^(county-decline|measles-cluster):(\d{6})(?::(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) throw new Error(`unknown scenario "${text}": use steady, county-decline:<county>[:<days>] or measles-cluster:<county>[:<days>]`);
  if (!ANKANG_COUNTIES.some((c) => c.code === m[2])) throw new Error(`scenario county ${m[2]} is not an Ankang county`);
  const days = m[3] === undefined ? (m[1] === 'county-decline' ? DEFAULT_TIME_CONSTANT_DAYS : DEFAULT_CLUSTER_DAYS) : Number(m[3]);
  if (!(days > 0)) throw new Error(`scenario days must be positive: ${m[3]}`);
  return m[1] === 'county-decline'
    ? { kind: 'county-decline', county: m[2], floorShare: DECLINE_FLOOR_SHARE, timeConstantDays: days }
    : { kind: 'measles-cluster', county: m[2], cases: CLUSTER_CASES, days };
}

export function scenarioText(scenario: FeedScenario): string {
  switch (scenario.kind) {
    case 'steady':
      return 'steady';
    case 'county-decline':
      return `county-decline:${scenario.county}:${scenario.timeConstantDays}`;
    case 'measles-cluster':
      return `measles-cluster:${scenario.county}:${scenario.days}`;
  }
}
