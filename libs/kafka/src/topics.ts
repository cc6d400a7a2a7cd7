import { MAX_REQUEST_BYTES } from './kafka-producer';

/** Versioned topic names of the public contract (shared/CONTRACT.md) plus internal feeds. */
export const TOPICS = {
  /** Institutions may produce here directly (key: institutionId); the ingest normaliser validates. */
  eventsRaw: 'health.events.raw.v1',
  /** Validated, pseudonymised events (key: institution county, so one event's versions share a partition). */
  events: 'health.events.v1',
  /** Rejected raw events with the reason (never the clear ID number). */
  eventsDeadLetter: 'health.events.dlq.v1',
  /** Alert transitions. */
  alerts: 'health.alerts.v1',
  /** Internal: (indicator, region, period) values changed by a committed aggregator batch. */
  indicatorChanges: 'health.indicator-changes.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;

export interface TopicSpec {
  name: string;
  partitions: number;
  config: Record<string, string>;
}

const WEEK_MS = String(7 * 24 * 3600 * 1000);
const MONTH_MS = String(30 * 24 * 3600 * 1000);

/**
 * Largest record batch the raw topic takes, as sent (compressed or not): one request of the
 * project's producer (the simulator's Kafka sink) with room for record overhead, and about half of
 * Kafka's 1 MB default. Raw events are at most 64 KiB each; what a batch may inflate to is bounded
 * separately (MAX_DECOMPRESSED_BATCH_BYTES).
 */
export const RAW_MAX_MESSAGE_BYTES = MAX_REQUEST_BYTES + 64 * 1024;

/**
 * Partitions and configs, explicit: topics are created by the project, never by auto-create.
 * With 3 replicas an acknowledged write is on at least 2 brokers (min.insync.replicas 2).
 */
export function topicSpecs(prefix = '', replicationFactor = 1): TopicSpec[] {
  const minInsync = String(replicationFactor >= 3 ? 2 : 1);
  return [
    // Canonical events are the replayable source of truth for rebuilds: kept a month by default.
    { name: prefix + TOPICS.events, partitions: 12, config: { 'retention.ms': MONTH_MS, 'min.insync.replicas': minInsync } },
    { name: prefix + TOPICS.eventsRaw, partitions: 12, config: { 'retention.ms': WEEK_MS, 'max.message.bytes': String(RAW_MAX_MESSAGE_BYTES) } },
    { name: prefix + TOPICS.eventsDeadLetter, partitions: 3, config: { 'retention.ms': MONTH_MS } },
    { name: prefix + TOPICS.alerts, partitions: 3, config: { 'retention.ms': MONTH_MS } },
    { name: prefix + TOPICS.indicatorChanges, partitions: 12, config: { 'retention.ms': String(24 * 3600 * 1000) } },
  ];
}
