import type { Status, Target } from '../target.types';
import { dimensionsOf, type AlertKind, type AlertRecord, type AlertState, type AlertTransition, type OutbreakEvidence, type StaleFeed } from './alert.types';

/**
 * One message of `health.alerts.v1` (key: the alert's bureau region): one transition of one alert.
 * Rates are fractions (0.9 = 90%) as everywhere in the API; names are there for people and robots.
 */
export interface AlertMessage {
  schema: 'health.alerts.v1';
  /** Stable per transition: a consumer that sees it twice drops the repeat. */
  idempotencyKey: string;
  alertId: string;
  transition: AlertTransition;
  at: string;
  kind: AlertKind;
  indicator: string;
  indicatorName: string;
  unit: string;
  /** The canonical dimension string (`cohort=2023;dose=3;vaccine=HepB`), the same spelled out, and for people. */
  dims: string;
  dimensions: Record<string, string>;
  dimsLabel: string;
  level: string;
  region: string;
  regionName: string;
  period: string;
  /** The bureau that owns the alert (a county for its institutions' feeds) and, once escalated, the one above. */
  bureau: string;
  bureauName: string;
  escalatedTo: string | null;
  state: AlertState;
  status: Status;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  target: Target | null;
  /** True when a silence matched: on the topic for the record, not sent to webhooks. */
  silenced: boolean;
  acknowledged: { by: string | null; at: string; comment: string | null } | null;
  /** Feeds of the alert's area that are quiet: a low value may be missing data. */
  staleFeeds: StaleFeed[];
  /** Outbreak alerts: the detector's evidence. */
  signal?: OutbreakEvidence;
  startedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  resolveReason: string | null;
}

export interface Names {
  indicator(code: string): { name: string; unit: string };
  region(code: string): string;
}

export function alertMessage(alert: AlertRecord, transition: AlertTransition, eventId: string, at: Date, silenced: boolean, names: Names): AlertMessage {
  const indicator = names.indicator(alert.indicator);
  return {
    schema: 'health.alerts.v1',
    idempotencyKey: `alert-${alert.id}-${eventId}`,
    alertId: alert.id,
    transition,
    at: at.toISOString(),
    kind: alert.kind,
    indicator: alert.indicator,
    indicatorName: indicator.name,
    unit: indicator.unit,
    dims: alert.dims,
    ...dimensionsOf(alert.dims),
    level: alert.level,
    region: alert.region,
    regionName: names.region(alert.region),
    period: alert.period,
    bureau: alert.bureau,
    bureauName: names.region(alert.bureau),
    escalatedTo: alert.escalatedTo,
    state: alert.state,
    status: alert.status,
    expected: alert.expected,
    actual: alert.actual,
    gap: alert.gap,
    target: alert.target,
    silenced,
    acknowledged: alert.acknowledgedAt ? { by: alert.acknowledgedBy, at: alert.acknowledgedAt.toISOString(), comment: alert.ackComment } : null,
    staleFeeds: alert.detail.staleFeeds ?? [],
    startedAt: alert.startedAt.toISOString(),
    firedAt: alert.firedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolveReason: alert.resolveReason,
    ...(alert.detail.signal && { signal: alert.detail.signal }),
  };
}
