import { describeDims, parseDims } from '@lib/indicators';
import type { Signal } from '@lib/surveillance';
import type { Interval, Status, Target } from '../target.types';

/** `outbreak`: 疫情三色预警 of one county and disease (indicator `disease_cases`, dims `disease=<code>`, no period). */
export type AlertKind = 'indicator' | 'feed_stale' | 'outbreak';
export type AlertState = 'pending' | 'firing' | 'resolved';

/**
 * What can happen to an alert. `pending` → `firing` → `resolved` is the lifecycle; `repeat` re-sends a
 * firing alert, `escalated` hands it to the bureau above, `acknowledged` is a person's "we know",
 * `cleared` ends a pending alert that never fired (nobody was told, so nobody is told it ended).
 */
export type AlertTransition = 'pending' | 'firing' | 'repeat' | 'escalated' | 'acknowledged' | 'resolved' | 'cleared';

/** Identity of an alert: one open alert per key. */
export interface AlertKey {
  kind: AlertKind;
  indicator: string;
  dims: string;
  level: string;
  region: string;
  period: string;
}

/** What an outbreak detector saw and the 7-day window it judged (CST days); for EARS also the day judged. */
export type OutbreakEvidence = Omit<Signal, 'daysAgo'> & { windowFrom: string; windowTo: string; day?: string };

/** Feeds of the alert's area that have gone quiet (the value may be low because data is missing). */
export interface StaleFeed {
  institutionId: string;
  name: string;
  lastReceivedAt: string;
}

export interface AlertDetail {
  staleFeeds?: StaleFeed[];
  /** For feed alerts: when the institution was last heard from. */
  lastReceivedAt?: string;
  /** Evaluation.reason: why the value is not judged (`small_baseline` ...) or is yellow, not red (`uncertain`). */
  reason?: string;
  /** The value's 95% interval, when the evaluation used one. */
  interval?: Interval;
  /** For outbreak alerts: the detector's evidence (method, window counts, thresholds, baseline). */
  signal?: OutbreakEvidence;
}

export interface AlertRecord extends AlertKey {
  id: string;
  bureau: string;
  target: Target | null;
  state: AlertState;
  status: Status;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  detail: AlertDetail;
  /** `recovered`, `insufficient_data` (too few cases to judge any more), `period_ended`, `target_removed`. */
  resolveReason: string | null;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
  lastNotifiedAt: Date | null;
  evaluatedAt: Date;
  /** Since when an open alert's value has been back on track (green); null while it is behind. */
  recoveringSince: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  ackComment: string | null;
  escalatedAt: Date | null;
  escalatedTo: string | null;
}

/** An alert's dimensions spelled out: `{ vaccine: 'HepB', dose: '3', cohort: '2023' }` and `HepB 第3剂 2023年出生队列`. */
export interface AlertDimensions {
  dimensions: Record<string, string>;
  dimsLabel: string;
}

/** An alert as bureaus and operators read it: its record, with its dimensions spelled out. */
export type ListedAlert = AlertRecord & AlertDimensions;

export function dimensionsOf(dims: string): AlertDimensions {
  return { dimensions: parseDims(dims), dimsLabel: describeDims(dims) };
}

export function listed(alert: AlertRecord): ListedAlert {
  return { ...alert, ...dimensionsOf(alert.dims) };
}

export interface AlertEventRecord {
  id: string;
  alertId: string;
  transition: AlertTransition;
  at: Date;
  status: Status;
  actual: number | null;
  expected: number | null;
  silenced: boolean;
  detail: Record<string, unknown>;
}

export function alertKeyString(key: AlertKey): string {
  return [key.kind, key.indicator, key.dims, key.level, key.region, key.period].join('|');
}
