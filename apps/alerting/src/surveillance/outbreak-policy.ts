import type { LifecyclePolicy } from '../lifecycle/lifecycle-policy';

/**
 * Outbreak alerts follow the lifecycle with their own colours: the detector's red is already a
 * threshold crossed (one 甲类 case, a count above every past window), so it fires at once; its
 * yellow (above the 80th percentile, an EARS statistic) is a warning too and fires when it holds
 * for ALERT_FOR_SECONDS (at the next evaluation when that is 0). Repeats, escalation, hold-down,
 * silences and acknowledgement are the target alerts'.
 */
export function outbreakPolicy(policy: LifecyclePolicy): LifecyclePolicy {
  return { ...policy, redFiresImmediately: true, yellowForMs: Math.max(policy.forMs, 1) };
}
