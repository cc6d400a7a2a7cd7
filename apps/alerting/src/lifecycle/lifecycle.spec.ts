import { applyTransition, decide, Judgement, LifecycleView } from './lifecycle';
import { LifecyclePolicy } from './lifecycle-policy';

const MIN = 60_000;
const HOUR = 60 * MIN;
const policy: LifecyclePolicy = { forMs: 10 * MIN, redFiresImmediately: false, yellowForMs: 7 * 24 * HOUR, repeatIntervalMs: 24 * HOUR, escalateAfterMs: 72 * HOUR };
const t0 = new Date('2026-05-01T02:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const judged = (status: Judgement['status'], extra: Partial<Judgement> = {}): Judgement => ({ status, expected: 0.9, actual: 0.8, gap: -0.1, detail: {}, ...extra });
const view = (extra: Partial<LifecycleView>): LifecycleView => ({ state: 'pending', startedAt: t0, firedAt: null, lastNotifiedAt: null, acknowledgedAt: null, escalatedAt: null, ...extra });
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

  it('clears a pending alert that recovers without telling anyone, resolves a firing one', () => {
    expect(decide(view({}), judged('green'), at(MIN), policy)).toEqual(['cleared']);
    expect(decide(firing(), judged('green'), at(MIN), policy)).toEqual(['resolved']);
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

  it('neither repeats nor escalates an acknowledged alert, but still resolves it', () => {
    const acked = firing({ acknowledgedAt: at(MIN) });
    expect(decide(acked, judged('red'), at(100 * HOUR), policy)).toEqual([]);
    expect(decide(acked, judged('green'), at(100 * HOUR), policy)).toEqual(['resolved']);
  });

  it('holds a pending alert while its county feed is stale (FEED_STALE_MODE=hold)', () => {
    const immediate = { ...policy, redFiresImmediately: true };
    expect(decide(undefined, judged('red', { holdFiring: true }), t0, immediate)).toEqual(['pending']);
    expect(decide(view({}), judged('red', { holdFiring: true }), at(HOUR), immediate)).toEqual([]);
    expect(decide(view({}), judged('red'), at(HOUR), immediate)).toEqual(['firing']);
  });

  it('moves the lifecycle timestamps', () => {
    const base = { state: 'pending', firedAt: null, lastNotifiedAt: null, resolvedAt: null, resolveReason: null, escalatedAt: null, escalatedTo: null } as never;
    const fired = applyTransition(base, 'firing', at(MIN)) as { state: string; firedAt: Date; lastNotifiedAt: Date };
    expect(fired).toMatchObject({ state: 'firing', firedAt: at(MIN), lastNotifiedAt: at(MIN) });
    expect(applyTransition(fired as never, 'escalated', at(HOUR), '610900')).toMatchObject({ escalatedAt: at(HOUR), escalatedTo: '610900' });
    expect(applyTransition(fired as never, 'resolved', at(HOUR))).toMatchObject({ state: 'resolved', resolvedAt: at(HOUR), resolveReason: 'recovered' });
  });
});
