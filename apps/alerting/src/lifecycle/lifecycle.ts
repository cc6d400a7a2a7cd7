import type { Status } from '@lib/targets';
import type { AlertDetail, AlertRecord, AlertTransition } from '@lib/targets-store';
import type { LifecyclePolicy } from './lifecycle-policy';

/** The judgement of one evaluation: the three-colour status and what it is made of. */
export interface Judgement {
  status: Status;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  detail: AlertDetail;
  /** Keeps a pending alert from firing (its county's feed is stale and FEED_STALE_MODE=hold). */
  holdFiring?: boolean;
}

export type LifecycleView = Pick<AlertRecord, 'state' | 'startedAt' | 'firedAt' | 'lastNotifiedAt' | 'acknowledgedAt' | 'escalatedAt'>;

/**
 * What happens to an alert (or to no alert yet) given a new judgement — the rules of a mature alert
 * manager, pure so every path has a unit test:
 * - red (or yellow, if yellow may fire) opens a pending alert; it fires after `for`, at once for red if configured;
 * - a firing alert resolves only on green: yellow holds it (the tolerance band is the hysteresis), so a
 *   value hovering at the threshold does not flap between firing and resolved;
 * - `none` (small denominator, no value) changes nothing: missing data neither raises nor clears;
 * - while firing and not acknowledged: repeat after the repeat interval, escalate once after the escalation time.
 */
export function decide(alert: LifecycleView | undefined, judgement: Judgement, now: Date, policy: LifecyclePolicy): AlertTransition[] {
  const { status } = judgement;
  if (status === 'none') return [];
  const bad = status === 'red' || (status === 'yellow' && policy.yellowForMs > 0);

  if (!alert) {
    if (!bad) return [];
    return mayFire(judgement, 0, policy) ? ['firing'] : ['pending'];
  }

  if (alert.state === 'pending') {
    if (status === 'green') return ['cleared'];
    return mayFire(judgement, now.getTime() - alert.startedAt.getTime(), policy) ? ['firing'] : [];
  }

  if (alert.state === 'firing') {
    if (status === 'green') return ['resolved'];
    if (alert.acknowledgedAt) return [];
    const firedFor = now.getTime() - (alert.firedAt ?? alert.startedAt).getTime();
    if (policy.escalateAfterMs > 0 && !alert.escalatedAt && firedFor >= policy.escalateAfterMs) return ['escalated'];
    const sinceNotified = now.getTime() - (alert.lastNotifiedAt ?? alert.firedAt ?? alert.startedAt).getTime();
    return sinceNotified >= policy.repeatIntervalMs ? ['repeat'] : [];
  }
  return [];
}

function mayFire(judgement: Judgement, pendingForMs: number, policy: LifecyclePolicy): boolean {
  if (judgement.holdFiring) return false;
  if (judgement.status === 'red') return policy.redFiresImmediately || pendingForMs >= policy.forMs;
  return judgement.status === 'yellow' && policy.yellowForMs > 0 && pendingForMs >= policy.yellowForMs;
}

/**
 * The alert after a transition: lifecycle timestamps move, the latest values are kept. `escalateTo`
 * is the bureau above the alert's bureau (the city of a county).
 */
export function applyTransition<T extends AlertRecord | Omit<AlertRecord, 'id'>>(alert: T, transition: AlertTransition, now: Date, escalateTo?: string | null): T {
  const next = { ...alert };
  switch (transition) {
    case 'pending':
      next.state = 'pending';
      break;
    case 'firing':
      next.state = 'firing';
      next.firedAt = now;
      next.lastNotifiedAt = now;
      break;
    case 'repeat':
      next.lastNotifiedAt = now;
      break;
    case 'escalated':
      next.escalatedAt = now;
      next.escalatedTo = escalateTo ?? null;
      next.lastNotifiedAt = now;
      break;
    case 'resolved':
    case 'cleared':
      next.state = 'resolved';
      next.resolvedAt = now;
      next.resolveReason ??= 'recovered';
      break;
    case 'acknowledged':
      break;
  }
  return next;
}

/** The latest judgement written onto the alert (values of `none` do not overwrite the last real ones). */
export function withJudgement<T extends Omit<AlertRecord, 'id'>>(alert: T, judgement: Judgement, now: Date): T {
  if (judgement.status === 'none') return { ...alert, evaluatedAt: now };
  return { ...alert, status: judgement.status, expected: judgement.expected, actual: judgement.actual, gap: judgement.gap, detail: judgement.detail, evaluatedAt: now };
}
