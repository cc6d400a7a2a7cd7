import { CanonicalEvent, HealthEvent, validateEvent, ValidationContext } from '@lib/contracts';
import { ankangDemo, RegionDirectory, validationLookups } from '@lib/registry';
import { toCanonicalEvent } from '../../apps/ingest/src/events/canonical-event';
import { Pseudonymiser } from '../../apps/ingest/src/privacy/pseudonymiser';
import { backfillEvents, backfillOptions } from '../../apps/simulator/src/feed/feed-timeline';

const DAY_MS = 86_400_000;

/** When the events happened: over the last ~11 months (a backfill) or earlier today in China (the live feed). */
export type FeedSpan = 'year' | 'today';

const CHINA_OFFSET_MS = 8 * 3600_000;

function spanRange(span: FeedSpan, now: Date): { fromMs: number; toMs: number } {
  if (span === 'year') return { fromMs: now.getTime() - 330 * DAY_MS, toMs: now.getTime() - DAY_MS };
  const chinaMidnight = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return { fromMs: chinaMidnight, toMs: now.getTime() - 60_000 };
}

/** The simulator's realistic Ankang feed, as institutions would send it. */
export function* rawEvents(count: number, seed = 'bench', now = new Date(), span: FeedSpan = 'year'): Generator<HealthEvent> {
  const range = spanRange(span, now);
  yield* backfillEvents(backfillOptions(seed, range), range, count);
}

/**
 * The same feed as the canonical topic carries it: validated against the demo registry and
 * pseudonymised exactly as ingest does, so the aggregator benchmark skips ingest but not realism.
 */
export function* canonicalEvents(count: number, seed = 'bench', now = new Date(), span: FeedSpan = 'year'): Generator<CanonicalEvent> {
  const context = demoValidationContext(now);
  const pseudonymiser = new Pseudonymiser([{ id: 'k1', secret: 'bench-pseudonym-secret-000000000000000' }]);
  for (const event of rawEvents(count, seed, now, span)) {
    const result = validateEvent(event, context);
    if (result.ok) yield toCanonicalEvent(result, pseudonymiser, now);
  }
}

export function demoValidationContext(now: Date): ValidationContext {
  const demo = ankangDemo();
  const lookups = validationLookups(new Map(demo.institutions.map((i) => [i.id, i])), new RegionDirectory(demo.regions, demo.superseded));
  return { now, maxClockSkewMs: 300_000, maxAgeMs: 400 * DAY_MS, ...lookups };
}
