import type { Status, Target } from '@lib/targets';
import type { AlertDetail, AlertRecord, AlertState, AlertTransition, EndedAlert } from '@lib/targets-store';
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
  /** How far past the target (in `gap`'s units) the value must be for an open alert to end at once; 0 when absent. */
  resolveMargin?: number;
}

export type LifecycleView = Pick<AlertRecord, 'state' | 'startedAt' | 'firedAt' | 'lastNotifiedAt' | 'acknowledgedAt' | 'escalatedAt' | 'recoveringSince'>;

/**
 * What happens to an alert (or to no alert yet) given a new judgement — the rules of a mature alert
 * manager, pure so every path has a unit test:
 * - red (or yellow, if yellow may fire) opens a pending alert; it fires after `for`, at once for red if
 *   configured — unless an alert of the same cell ended within the hold-down (`lastEnded`). One that was
 *   cleared before firing told nobody: it holds back yellow (the same brush with the band) but not red;
 * - an open alert ends (firing: resolved, pending: cleared) only when the value is back past the target
 *   by the resolve margin, or has stayed green for `resolveAfter`: a value hovering at the threshold
 *   holds its alert instead of flapping, and is not repeated while it is on track;
 * - `insufficient_data` ends an open alert (its evidence no longer stands) and opens none;
 * - `none` (no value, no last year) changes nothing: missing data neither raises nor clears;
 * - while firing and not acknowledged: repeat after the repeat interval, escalate once after the escalation time
 *   (counted on working days only when the policy says so).
 */
export function decide(
  alert: LifecycleView | undefined,
  judgement: Judgement,
  now: Date,
  policy: LifecyclePolicy,
  lastEnded: EndedAlert | null = null,
): AlertTransition[] {
  const { status } = judgement;
  if (status === 'none') return [];
  if (status === 'insufficient_data') return alert ? [closingTransition(alert.state)] : [];
  const bad = status === 'red' || (status === 'yellow' && policy.yellowForMs > 0);

  if (!alert) {
    if (!bad) return [];
    if (lastEnded && now.getTime() - lastEnded.at.getTime() < policy.holdDownMs && (lastEnded.fired || status !== 'red')) return [];
    return mayFire(judgement, 0, policy) ? ['firing'] : ['pending'];
  }

  if (recovered(alert, judgement, now, policy)) return [closingTransition(alert.state)];
  if (alert.state === 'pending') return mayFire(judgement, now.getTime() - alert.startedAt.getTime(), policy) ? ['firing'] : [];

  if (alert.state === 'firing') {
    if (status === 'green' || alert.acknowledgedAt) return [];
    const firedAt = alert.firedAt ?? alert.startedAt;
    const firedFor = policy.escalationElapsedMs ? policy.escalationElapsedMs(firedAt, now) : now.getTime() - firedAt.getTime();
    if (policy.escalateAfterMs > 0 && !alert.escalatedAt && firedFor >= policy.escalateAfterMs) return ['escalated'];
    const sinceNotified = now.getTime() - (alert.lastNotifiedAt ?? alert.firedAt ?? alert.startedAt).getTime();
    return sinceNotified >= policy.repeatIntervalMs ? ['repeat'] : [];
  }
  return [];
}

/** A firing alert is resolved (bureaus were told, and are told it ended); a pending one is cleared (nobody was told). */
export function closingTransition(state: AlertState): AlertTransition {
  return state === 'firing' ? 'resolved' : 'cleared';
}

/** Back on track for good: past the target by the margin, or green without a break for `resolveAfter`. */
function recovered(alert: LifecycleView, judgement: Judgement, now: Date, policy: LifecyclePolicy): boolean {
  if (judgement.status !== 'green') return false;
  if (judgement.gap === null || judgement.gap >= (judgement.resolveMargin ?? 0) - 1e-12) return true;
  return alert.recoveringSince !== null && now.getTime() - alert.recoveringSince.getTime() >= policy.resolveAfterMs;
}

function mayFire(judgement: Judgement, pendingForMs: number, policy: LifecyclePolicy): boolean {
  if (judgement.holdFiring) return false;
  if (judgement.status === 'red') return policy.redFiresImmediately || pendingForMs >= policy.forMs;
  return judgement.status === 'yellow' && policy.yellowForMs > 0 && pendingForMs >= policy.yellowForMs;
}

/**
 * The resolve margin of a target, in the units of its gap: a share of its tolerance (fraction points for
 * rates, a share of the expected count for yearly counts). 0.5 × a 2 pp band: back at 91% for a 90% target.
 */
export function resolveMarginOf(target: Target | null, expected: number | null, share: number): number {
  if (!target) return 0;
  return share * (target.rule.kind === 'yearly_count' ? target.tolerance * (expected ?? 0) : target.tolerance);
}

/**
 * The alert after a transition: lifecycle timestamps move, the latest values are kept. `escalateTo`
 * is the bureau above the alert's bureau (the city of a county).
 */
export function applyTransition<T extends AlertRecord | Omit<AlertRecord, 'id'>>(
  alert: T,
  transition: AlertTransition,
  now: Date,
  escalateTo?: string | null,
): T {
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
      next.resolveReason ??= next.status === 'insufficient_data' ? 'insufficient_data' : 'recovered';
      break;
    case 'acknowledged':
      break;
  }
  return next;
}

/**
 * The latest judgement written onto the alert (values of `none` do not overwrite the last real ones), and
 * since when it has been back on track: set at the first green, cleared by anything behind.
 */
export function withJudgement<T extends Omit<AlertRecord, 'id'>>(alert: T, judgement: Judgement, now: Date): T {
  if (judgement.status === 'none') return { ...alert, evaluatedAt: now };
  const recoveringSince = judgement.status === 'green' ? (alert.recoveringSince ?? now) : null;
  return {
    ...alert,
    status: judgement.status,
    expected: judgement.expected,
    actual: judgement.actual,
    gap: judgement.gap,
    detail: judgement.detail,
    evaluatedAt: now,
    recoveringSince,
  };
}
