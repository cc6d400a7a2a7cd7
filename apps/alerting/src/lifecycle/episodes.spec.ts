import { evaluateTarget, Observation, ResolvedTarget } from '@lib/targets';
import type { AlertRecord, AlertTransition, EndedAlert } from '@lib/targets-store';
import { applyTransition, decide, Judgement, resolveMarginOf, withJudgement } from './lifecycle';
import type { LifecyclePolicy } from './lifecycle-policy';

const SECOND = 1000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
/** The defaults of AlertingEnvironment. */
const defaults: LifecyclePolicy = {
  forMs: 10 * MIN,
  redFiresImmediately: false,
  yellowForMs: 7 * 24 * HOUR,
  repeatIntervalMs: 24 * HOUR,
  escalateAfterMs: 72 * HOUR,
  resolveMarginShare: 0.5,
  resolveAfterMs: HOUR,
  holdDownMs: 6 * HOUR,
};
/** 县域就诊率 ≥ 90%, yellow band 2 pp (the demo target). */
const visitRate: ResolvedTarget = {
  indicator: 'county_visit_rate',
  scope: 'default:county',
  year: 2026,
  dims: '',
  rule: { kind: 'threshold', comparator: '>=', value: 0.9 },
  tolerance: 0.02,
  minDenominator: 300,
};
const t0 = new Date('2026-05-06T02:00:00Z');

/** A share of many visits (its interval is narrow: the hysteresis, not the statistics, is under test). */
const share = (value: number): Observation => ({
  value,
  cases: 100_000,
  share: { successes: value * 100_000, trials: 100_000 },
  baselineCases: null,
  previousYear: null,
  accrual: null,
});

/**
 * One cell's readings through the judge and the lifecycle as AlertTransitionsWriter applies them (the open
 * alert, or when the last one ended), in simulated time. Returns the transitions of each episode (alert).
 */
function replay(readings: readonly { at: number; value: number }[], policy: LifecyclePolicy): AlertTransition[][] {
  const episodes: AlertTransition[][] = [];
  let open: AlertRecord | undefined;
  let lastEnded: EndedAlert | null = null;
  for (const { at, value } of readings) {
    const now = new Date(t0.getTime() + at);
    const evaluation = evaluateTarget(visitRate, '2026', share(value), now);
    const judgement: Judgement = { ...evaluation, detail: {}, resolveMargin: resolveMarginOf(visitRate, evaluation.expected, policy.resolveMarginShare) };
    const transitions = decide(open, judgement, now, policy, lastEnded);
    if (!open && transitions.length === 0) continue;
    if (!open) episodes.push([]);
    let alert = withJudgement(
      open ??
        ({
          state: 'pending',
          startedAt: now,
          firedAt: null,
          lastNotifiedAt: null,
          acknowledgedAt: null,
          escalatedAt: null,
          recoveringSince: null,
          resolveReason: null,
        } as AlertRecord),
      judgement,
      now,
    );
    for (const transition of transitions) alert = applyTransition(alert, transition, now);
    episodes[episodes.length - 1].push(...transitions);
    if (alert.state === 'resolved') [open, lastEnded] = [undefined, { at: now, fired: alert.firedAt !== null }];
    else open = alert;
  }
  return episodes;
}

/** A value oscillating ±0.3 pp around `centre`, one reading every 10 s for 10 minutes. */
const oscillating = (centre: number) => Array.from({ length: 61 }, (_, i) => ({ at: i * 10 * SECOND, value: centre + (i % 2 === 0 ? -0.003 : 0.003) }));

describe('one episode per real excursion', () => {
  it('±0.3 pp around the 90% target for 10 minutes: one episode (pending, held, never cleared)', () => {
    expect(replay(oscillating(0.9), defaults)).toEqual([['pending']]);
  });

  it('±0.3 pp around the red line (88%), red firing at once: one episode (firing, held)', () => {
    expect(replay(oscillating(0.88), { ...defaults, redFiresImmediately: true })).toEqual([['firing']]);
  });

  it('without margin, time and hold-down the same value flaps (what the defaults prevent)', () => {
    const flapping = replay(oscillating(0.9), { ...defaults, resolveMarginShare: 0, resolveAfterMs: 0, holdDownMs: 0 });
    expect(flapping).toHaveLength(31);
    expect(flapping[0]).toEqual(['pending', 'cleared']);
  });

  it('a relapse within the hold-down is the same excursion’s tail; after it, a new episode', () => {
    const readings = [
      { at: 0, value: 0.85 }, // red: pending
      { at: 11 * MIN, value: 0.85 }, // fires after `for`
      { at: 20 * MIN, value: 0.905 }, // back, inside the margin: held
      { at: 30 * MIN, value: 0.92 }, // past the margin (91%): resolved
      { at: 40 * MIN, value: 0.85 }, // relapse within 6 h: no new alert
      { at: 5 * HOUR, value: 0.85 },
      { at: 7 * HOUR, value: 0.85 }, // hold-down over, still red: a new episode
    ];
    expect(replay(readings, defaults)).toEqual([['pending', 'firing', 'resolved'], ['pending']]);
  });

  it('green inside the margin resolves once it has lasted resolveAfter without a break', () => {
    const readings = [
      { at: 0, value: 0.85 },
      { at: 11 * MIN, value: 0.85 },
      ...Array.from({ length: 8 }, (_, i) => ({ at: 20 * MIN + i * 10 * MIN, value: 0.902 })),
    ];
    expect(replay(readings, defaults)).toEqual([['pending', 'firing', 'resolved']]); // at 20 min + 60 min
  });
});
