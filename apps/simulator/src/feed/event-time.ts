import { cstMidnightOf, HOUR_MS, MINUTE_MS } from './cst-time';
import type { FeedContext } from './feed-context';

/**
 * When, within its day, an event happens. In backfill the feed spreads events like real clinics:
 * outpatient and public-health work by day (08:00–17:30 with a lunch dip), emergencies around the
 * clock. In live mode the event happened just now (a few seconds before it is sent).
 */
export type Rhythm = 'clinic' | 'emergency' | 'ward';

export function occurredAt(ctx: FeedContext, anchorMs: number, rhythm: Rhythm): number {
  const { options, random } = ctx;
  if (options.timeMode === 'live') return anchorMs - random.int(0, 60) * 1000;
  const midnight = cstMidnightOf(anchorMs);
  let ms: number;
  if (rhythm === 'emergency') ms = midnight + random.int(0, 24 * 60 - 1) * MINUTE_MS;
  else {
    const morning = random.chance(rhythm === 'ward' ? 0.6 : 0.65);
    const start = morning ? 8 * HOUR_MS : 14 * HOUR_MS;
    ms = start + random.int(0, morning ? 239 : 209) * MINUTE_MS + midnight;
  }
  ms += random.int(0, 59) * 1000;
  const latest = options.latestMs ?? anchorMs;
  return Math.max(options.earliestMs, Math.min(ms, latest));
}

/** A delay inside a story (hours or days), compressed in live mode (`followUpTimeScale`). */
export function storyDelay(ctx: FeedContext, ms: number): number {
  return Math.max(1000, Math.round(ms * ctx.options.followUpTimeScale));
}
