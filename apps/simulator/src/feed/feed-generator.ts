import type { EventType, HealthEvent } from '@lib/contracts';
import { ankangDemo } from '@lib/registry';
import { careNetwork } from './care-network';
import { chronicEvent } from './chronic-events';
import { scheduleIrregularities } from './corrections';
import { DAY_MS } from './cst-time';
import { familyDoctorEvent } from './family-doctor-events';
import type { FeedContext } from './feed-context';
import { DEFAULT_IRREGULARITIES, DEFAULT_POPULATION_SCALE, type FeedOptions } from './feed-options';
import { FeedRandom } from './feed-random';
import { PendingQueue } from './pending-queue';
import { referralInitiated } from './referral-events';
import { ResidentIdMint } from './resident-ids';
import { screeningEvent } from './screening-events';
import { syntheticPopulation } from './synthetic-population';
import { vaccinationEvent } from './vaccination-events';
import { visitEvent } from './visit-events';

/**
 * The Ankang demo feed: a deterministic stream of contract-v1 events. Pure — no clock, no I/O: the
 * caller gives each event's instant (`next(atMs)`), so the same seed, options and instants give
 * the same events, and a live caller simply passes `Date.now()`.
 *
 * Each step either releases a story step that has fallen due (discharge, referral answer, second
 * screening, amendment, retry…) or starts something new, by family share.
 */

/** The families the feed simulates (surveillance reports and daily counts are not simulated yet). */
type SimulatedFamily = Exclude<EventType, 'disease_report' | 'syndromic_count'>;

/** Shares of new events by family (follow-up steps come on top: discharges, referral steps, birth screenings). */
export const FAMILY_WEIGHTS: Readonly<Record<SimulatedFamily, number>> = {
  visit: 0.62,
  referral: 0.04,
  vaccination: 0.08,
  screening: 0.05,
  family_doctor: 0.09,
  chronic_followup: 0.12,
};

const FAMILIES: Readonly<Record<SimulatedFamily, (ctx: FeedContext, anchorMs: number, atMs: number) => HealthEvent>> = {
  visit: (ctx, anchorMs, atMs) => visitEvent(ctx, atMs, anchorMs),
  referral: referralInitiated,
  vaccination: vaccinationEvent,
  screening: screeningEvent,
  family_doctor: familyDoctorEvent,
  chronic_followup: chronicEvent,
};

/** Late arrivals are mostly a week or two late (weekly sync); a few come months late (an outage, a backlog). */
const MAX_LATENESS_DAYS = 120;
/** Stories in live mode run 720× faster than life (a 6-day stay lasts 12 minutes). */
export const LIVE_FOLLOW_UP_TIME_SCALE = 1 / 720;
const PENDING_CAPACITY = 200_000;

export class FeedGenerator {
  private readonly ctx: FeedContext;
  private readonly pending: PendingQueue;
  private seq = 0;
  private referralSeq = 0;

  constructor(options: FeedOptions) {
    const streamId = options.streamId ?? `S${options.seed}`;
    if (!/^[A-Za-z0-9._-]{1,24}$/.test(streamId)) throw new RangeError(`streamId must be 1–24 characters of A-Z a-z 0-9 . _ -: ${streamId}`);
    const scale = options.populationScale ?? DEFAULT_POPULATION_SCALE;
    if (!(scale > 0 && scale <= 1)) throw new RangeError(`populationScale must be in (0, 1]: ${scale}`);
    const network = careNetwork(ankangDemo().institutions);
    const mint = new ResidentIdMint();
    // The population is drawn as of before the earliest late arrival, so nobody is born after an event about them.
    const asOfMs = options.startMs - (MAX_LATENESS_DAYS + 1) * DAY_MS;
    const populations = syntheticPopulation(network, scale, asOfMs, new FeedRandom(`${options.seed}:population`), mint);
    this.pending = new PendingQueue(PENDING_CAPACITY);
    this.ctx = {
      random: new FeedRandom(`${options.seed}:feed`),
      network,
      populations,
      countyWeights: Object.fromEntries([...populations].map(([code, p]) => [code, p.residents.length])),
      mint,
      options: {
        seed: options.seed,
        streamId,
        populationScale: scale,
        scenario: options.scenario ?? { kind: 'steady' },
        startMs: options.startMs,
        earliestMs: options.earliestMs,
        latestMs: options.latestMs,
        timeMode: options.timeMode,
        followUpTimeScale: options.followUpTimeScale ?? (options.timeMode === 'live' ? LIVE_FOLLOW_UP_TIME_SCALE : 1),
        irregularities: { ...DEFAULT_IRREGULARITIES, ...options.irregularities },
      },
      eventId: (family) => `${streamId}-${family}${(this.seq++).toString(36)}`,
      referralId: (county) => `ZZ-${streamId}-${county}-${(this.referralSeq++).toString(36)}`,
      later: (dueMs, event) => this.pending.push(dueMs, event),
    };
  }

  /** The next event of the stream, happening at (or, for a late arrival, some days before) `atMs`. */
  next(atMs: number): HealthEvent {
    const due = this.pending.popDue(atMs);
    if (due !== undefined) return due;
    const { random, options } = this.ctx;
    const anchorMs = random.chance(options.irregularities.lateArrival) ? Math.max(options.earliestMs, atMs - this.lateness()) : atMs;
    const event = FAMILIES[random.weighted(FAMILY_WEIGHTS)](this.ctx, anchorMs, atMs);
    scheduleIrregularities(this.ctx, event, atMs);
    return event;
  }

  /** Story steps waiting for their time, and those dropped because the queue was full. */
  get backlog(): { pending: number; dropped: number } {
    return { pending: this.pending.size, dropped: this.pending.dropped };
  }

  /** Synthetic residents per county (for reports and tests). */
  get populationSizes(): Record<string, number> {
    return Object.fromEntries([...this.ctx.populations].map(([code, p]) => [code, p.residents.length]));
  }

  private lateness(): number {
    const { random } = this.ctx;
    const days = random.chance(0.9) ? random.int(1, 14) : random.int(15, MAX_LATENESS_DAYS);
    return days * DAY_MS + random.int(0, 23) * 3_600_000;
  }
}
