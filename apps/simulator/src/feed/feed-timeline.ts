import type { HealthEvent } from '@lib/contracts';
import { DAY_MS } from './cst-time';
import { HORIZON_MARGIN_DAYS, INGEST_HORIZON_DAYS, type FeedOptions } from './feed-options';
import { FeedGenerator } from './feed-generator';
import type { FeedScenario } from './feed-scenario';

/**
 * The two time modes as instants for `FeedGenerator.next`:
 * - backfill: `count` events spread evenly over [from, to] (events then take a realistic time of day);
 * - live: the event's instant is "now" as the sender sees it (the app passes `Date.now()`; the CLI
 *   paces `start + i / rate`).
 */
export interface BackfillRange {
  fromMs: number;
  toMs: number;
  /** The ingest's "now", for the horizon; defaults to `toMs`. */
  nowMs?: number;
}

/** Options for a backfill over a range, with the ingest horizon kept. */
export function backfillOptions(seed: string, range: BackfillRange, extra: Partial<FeedOptions> & { scenario?: FeedScenario } = {}): FeedOptions {
  const nowMs = range.nowMs ?? range.toMs;
  const earliestMs = nowMs - (INGEST_HORIZON_DAYS - HORIZON_MARGIN_DAYS) * DAY_MS;
  if (range.fromMs >= range.toMs) throw new RangeError('backfill needs from < to');
  if (range.toMs > nowMs) throw new RangeError('backfill may not reach past now: events in the future are rejected');
  if (range.fromMs < earliestMs)
    throw new RangeError(`backfill may not start more than ${INGEST_HORIZON_DAYS - HORIZON_MARGIN_DAYS} days before now (the ingest horizon)`);
  return { seed, startMs: range.fromMs, latestMs: range.toMs, earliestMs, timeMode: 'spread', ...extra };
}

/** The i-th of `count` instants spread over [from, to]. */
export function backfillInstant(range: BackfillRange, i: number, count: number): number {
  return range.fromMs + Math.floor(((range.toMs - range.fromMs) * (i + 0.5)) / count);
}

/** `count` events of a backfill, in stream order (for tests, files and benchmarks). */
export function* backfillEvents(options: FeedOptions, range: BackfillRange, count: number): Generator<HealthEvent> {
  const generator = new FeedGenerator(options);
  for (let i = 0; i < count; i++) yield generator.next(backfillInstant(range, i, count));
}

/** Live-mode options starting now, with the horizon kept. */
export function liveOptions(seed: string, nowMs: number, extra: Partial<FeedOptions> = {}): FeedOptions {
  return {
    seed,
    startMs: nowMs,
    earliestMs: nowMs - (INGEST_HORIZON_DAYS - HORIZON_MARGIN_DAYS) * DAY_MS,
    timeMode: 'live',
    ...extra,
  };
}
