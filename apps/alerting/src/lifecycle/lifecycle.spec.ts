import { WorkingCalendar } from '@lib/periods';
import type { AlertRecord } from '@lib/targets-store';
import { applyTransition, decide, Judgement, LifecycleView, withJudgement } from './lifecycle';
import { LifecyclePolicy } from './lifecycle-policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const policy: LifecyclePolicy = {
  forMs: 10 * MIN,
  redFiresImmediately: false,
  yellowForMs: 7 * 24 * HOUR,
  repeatIntervalMs: 24 * HOUR,
  escalateAfterMs: 72 * HOUR,
  resolveMarginShare: 0.5,
  resolveAfterMs: HOUR,
  holdDownMs: 6 * HOUR,
};
const t0 = new Date('2026-05-01T02:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const judged = (status: Judgement['status'], extra: Partial<Judgement> = {}): Judgement => ({
  status,
  expected: 0.9,
  actual: 0.8,
  gap: -0.1,
  detail: {},
  ...extra,
});
const view = (extra: Partial<LifecycleView>): LifecycleView => ({
  state: 'pending',
  startedAt: t0,
  firedAt: null,
  lastNotifiedAt: null,
  acknowledgedAt: null,
  escalatedAt: null,
  recoveringSince: null,
  ...extra,
});
const firing = (extra: Partial<LifecycleView> = {}) => view({ state: 'firing', firedAt: t0, lastNotifiedAt: t0, ...extra });

describe('alert lifecycle', () => {
  it('opens pending on red and fires after `for`', () => {
    expect(decide(undefined, judged('red'), t0, policy)).toEqual(['pending']);
    expect(decide(view({}), judged('red'), at(9 * MIN), policy)).toEqual([]);
    expect(decide(view({}), judged('red'), at(10 * MIN), policy)).toEqual(['firing']);
  });

  it('fires red at once when configured', () => {
    expect(decide(undefined, judged('red'), t0, { ...policy, redFiresImmediately: true })).toEqual(['firing']);
  });

  it('fires yellow only when it lasts (stays yellow too long), never when yellowFor is 0', () => {
    expect(decide(undefined, judged('yellow'), t0, policy)).toEqual(['pending']);
    expect(decide(view({}), judged('yellow'), at(7 * 24 * HOUR - 1), policy)).toEqual([]);
    expect(decide(view({}), judged('yellow'), at(7 * 24 * HOUR), policy)).toEqual(['firing']);
    expect(decide(undefined, judged('yellow'), t0, { ...policy, yellowForMs: 0 })).toEqual([]);
  });

  it('clears a pending alert that recovers past the margin without telling anyone, resolves a firing one', () => {
    const back = judged('green', { gap: 0.01, resolveMargin: 0.01 });
    expect(decide(view({}), back, at(MIN), policy)).toEqual(['cleared']);
    expect(decide(firing(), back, at(MIN), policy)).toEqual(['resolved']);
  });

  it('hysteresis: green inside the margin holds the alert (without repeats) until it has lasted resolveAfter', () => {
    const justBack = judged('green', { gap: 0.003, resolveMargin: 0.01 });
    expect(decide(firing(), justBack, at(MIN), policy)).toEqual([]);
    expect(decide(view({}), justBack, at(MIN), policy)).toEqual([]);
    expect(decide(firing({ recoveringSince: at(MIN) }), justBack, at(MIN + HOUR - 1), policy)).toEqual([]);
    expect(decide(firing({ recoveringSince: at(MIN) }), justBack, at(MIN + HOUR), policy)).toEqual(['resolved']);
    expect(decide(firing({ lastNotifiedAt: t0 }), justBack, at(25 * HOUR), policy)).toEqual([]); // on track: no "still behind" repeat
  });

  it('records since when the value has been back, and forgets it at the first value behind', () => {
    const alert = { ...firing(), recoveringSince: null } as never as AlertRecord;
    const first = withJudgement(alert, judged('green', { gap: 0.003 }), at(MIN));
    expect(first.recoveringSince).toEqual(at(MIN));
    expect(withJudgement(first, judged('green', { gap: 0.004 }), at(2 * MIN)).recoveringSince).toEqual(at(MIN));
    expect(withJudgement(first, judged('none'), at(2 * MIN)).recoveringSince).toEqual(at(MIN));
    expect(withJudgement(first, judged('yellow'), at(2 * MIN)).recoveringSince).toBeNull();
  });

  it('hold-down: a cell whose alert ended less than holdDown ago opens none', () => {
    const ended = { at: at(HOUR), fired: true };
    expect(decide(undefined, judged('red'), at(HOUR + 6 * HOUR - 1), policy, ended)).toEqual([]);
    expect(decide(undefined, judged('red'), at(HOUR + 6 * HOUR), policy, ended)).toEqual(['pending']);
    expect(decide(undefined, judged('red'), at(2 * HOUR), { ...policy, holdDownMs: 0 }, ended)).toEqual(['pending']);
  });

  it('hold-down after an alert cleared before firing (nobody told): yellow is held back, red opens at once', () => {
    const cleared = { at: at(HOUR), fired: false };
    expect(decide(undefined, judged('yellow'), at(2 * HOUR), policy, cleared)).toEqual([]);
    expect(decide(undefined, judged('red'), at(2 * HOUR), policy, cleared)).toEqual(['pending']);
    expect(decide(undefined, judged('yellow'), at(7 * HOUR), policy, cleared)).toEqual(['pending']);
  });

  it('insufficient_data ends an open alert (its evidence no longer stands) and opens none', () => {
    expect(decide(firing(), judged('insufficient_data'), at(MIN), policy)).toEqual(['resolved']);
    expect(decide(view({}), judged('insufficient_data'), at(MIN), policy)).toEqual(['cleared']);
    expect(decide(undefined, judged('insufficient_data'), t0, policy)).toEqual([]);
    const alert = { ...firing(), status: 'red', resolveReason: null } as never as AlertRecord;
    const ended = applyTransition(withJudgement(alert, judged('insufficient_data', { gap: null }), at(MIN)), 'resolved', at(MIN));
    expect(ended).toMatchObject({ state: 'resolved', status: 'insufficient_data', resolveReason: 'insufficient_data' });
  });

  it('does not flap: yellow holds a firing alert, missing data changes nothing', () => {
    expect(decide(firing(), judged('yellow'), at(MIN), { ...policy, yellowForMs: 0 })).toEqual([]);
    expect(decide(firing(), judged('none'), at(MIN), policy)).toEqual([]);
    expect(decide(view({}), judged('none'), at(HOUR), policy)).toEqual([]);
    expect(decide(undefined, judged('none'), t0, policy)).toEqual([]);
  });

  it('is one alert however many changes: red again while firing is no new transition', () => {
    expect(decide(firing(), judged('red'), at(5 * MIN), policy)).toEqual([]);
    expect(decide(firing(), judged('red'), at(6 * MIN), policy)).toEqual([]);
  });

  it('repeats while firing, after the repeat interval since the last notification', () => {
    expect(decide(firing(), judged('red'), at(24 * HOUR - 1), policy)).toEqual([]);
    expect(decide(firing(), judged('red'), at(24 * HOUR), policy)).toEqual(['repeat']);
    expect(decide(firing({ lastNotifiedAt: at(24 * HOUR) }), judged('red'), at(30 * HOUR), policy)).toEqual([]);
  });

  it('escalates once after the escalation time, then repeats as usual', () => {
    expect(decide(firing({ lastNotifiedAt: at(48 * HOUR) }), judged('red'), at(72 * HOUR), policy)).toEqual(['escalated']);
    expect(decide(firing({ escalatedAt: at(72 * HOUR), lastNotifiedAt: at(72 * HOUR) }), judged('red'), at(80 * HOUR), policy)).toEqual([]);
    expect(decide(firing({ lastNotifiedAt: t0 }), judged('red'), at(72 * HOUR), { ...policy, escalateAfterMs: 0 })).toEqual(['repeat']);
  });

  it('counts escalation time on working days only when the policy says so (国庆节 2026)', () => {
    const golden = new WorkingCalendar(
      [
        ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: `2026100${d}`, kind: 'holiday' as const, name: '国庆节' })),
        { day: '20261010', kind: 'workday', name: '国庆节' },
      ],
      [2026],
    );
    const onWorkingDays: LifecyclePolicy = { ...policy, escalationElapsedMs: (from, to) => golden.workingDaysMsBetween(from, to) };
    const firedAt = new Date('2026-09-30T10:00:00+08:00');
    const alert = firing({ firedAt, lastNotifiedAt: new Date('2026-10-09T10:00:00+08:00') });
    // 72 h after firing is 3 October, mid-holiday: the wall clock escalates, working days do not...
    expect(decide(alert, judged('red'), new Date('2026-10-03T10:00:00+08:00'), policy)).toEqual(['escalated']);
    expect(decide(alert, judged('red'), new Date('2026-10-03T10:00:00+08:00'), onWorkingDays)).toEqual([]);
    // ...until three working days have passed: 30 September, 8–9 October and the make-up Saturday's morning.
    expect(decide(alert, judged('red'), new Date('2026-10-10T09:59:00+08:00'), onWorkingDays)).toEqual([]);
    expect(decide(alert, judged('red'), new Date('2026-10-10T10:00:00+08:00'), onWorkingDays)).toEqual(['escalated']);
  });

  it('neither repeats nor escalates an acknowledged alert, but still resolves it', () => {
    const acked = firing({ acknowledgedAt: at(MIN) });
    expect(decide(acked, judged('red'), at(100 * HOUR), policy)).toEqual([]);
    expect(decide(acked, judged('green', { gap: 0.05, resolveMargin: 0.01 }), at(100 * HOUR), policy)).toEqual(['resolved']);
  });

  it('holds a pending alert while its county feed is stale (FEED_STALE_MODE=hold)', () => {
    const immediate = { ...policy, redFiresImmediately: true };
    expect(decide(undefined, judged('red', { holdFiring: true }), t0, immediate)).toEqual(['pending']);
    expect(decide(view({}), judged('red', { holdFiring: true }), at(HOUR), immediate)).toEqual([]);
    expect(decide(view({}), judged('red'), at(HOUR), immediate)).toEqual(['firing']);
  });

  it('moves the lifecycle timestamps', () => {
    const base = {
      state: 'pending',
      firedAt: null,
      lastNotifiedAt: null,
      resolvedAt: null,
      resolveReason: null,
      escalatedAt: null,
      escalatedTo: null,
    } as never;
    const fired = applyTransition(base, 'firing', at(MIN)) as { state: string; firedAt: Date; lastNotifiedAt: Date };
    expect(fired).toMatchObject({ state: 'firing', firedAt: at(MIN), lastNotifiedAt: at(MIN) });
    expect(applyTransition(fired as never, 'escalated', at(HOUR), '610900')).toMatchObject({ escalatedAt: at(HOUR), escalatedTo: '610900' });
    expect(applyTransition(fired as never, 'resolved', at(HOUR))).toMatchObject({ state: 'resolved', resolvedAt: at(HOUR), resolveReason: 'recovered' });
  });
});
