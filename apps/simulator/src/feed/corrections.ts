import type { HealthEvent } from '@lib/contracts';
import { DAY_MS, HOUR_MS } from './cst-time';
import { storyDelay } from './event-time';
import type { FeedContext } from './feed-context';

/**
 * The irregularities of real feeds, scheduled after an event is first sent:
 * - a retry (重发): the same event again seconds later — ingest answers "duplicate";
 * - an amendment (更正): the same eventId with version + 1 and one field corrected (a cost keyed
 *   wrongly, a screening result revised, a follow-up re-assessed);
 * - a void (作废): the same eventId with version + 1 and `voided`, only the envelope.
 * Referral steps are left alone so every referral story stays whole.
 */
export function scheduleIrregularities(ctx: FeedContext, event: HealthEvent, atMs: number): void {
  const { random, options } = ctx;
  if (event.type === 'referral') return;
  const rates = options.irregularities;
  if (random.chance(rates.duplicate)) ctx.later(atMs + random.int(1, 30) * 1000, event);
  const roll = random.float();
  if (roll < rates.amendment) {
    const amended = amend(ctx, event);
    if (amended) ctx.later(atMs + storyDelay(ctx, random.int(1, 72) * HOUR_MS), amended);
  } else if (roll < rates.amendment + rates.void) {
    const voided = {
      eventId: event.eventId,
      version: event.version + 1,
      voided: true,
      type: event.type,
      action: event.action,
      institutionId: event.institutionId,
      occurredAt: event.occurredAt,
    } as HealthEvent;
    ctx.later(atMs + storyDelay(ctx, random.int(1, 7) * DAY_MS), voided);
  }
}

function amend(ctx: FeedContext, event: HealthEvent): HealthEvent | undefined {
  const { random } = ctx;
  const next = { ...event, version: event.version + 1 };
  switch (next.type) {
    case 'visit':
      if (next.cost === undefined) return undefined;
      next.cost = Math.round(next.cost * (0.8 + random.float() * 0.4) * 100) / 100;
      return next;
    case 'screening':
      next.result = next.result === 'normal' ? 'referred' : 'normal';
      return next;
    case 'chronic_followup':
      if (next.action !== 'followup') return undefined;
      next.controlled = !next.controlled;
      return next;
    default:
      return undefined;
  }
}
