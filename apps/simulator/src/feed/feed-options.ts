import type { FeedScenario } from './feed-scenario';

/** Knobs of the pure generator. Times are epoch milliseconds; the caller owns the clock. */
export interface FeedOptions {
  /** Same seed (and same options and instants) → same events. */
  seed: string;
  /**
   * Prefix of every eventId and referralId. Two runs that must not collide at ingest (a restarted
   * live feed) need different stream ids; a replay of the same run uses the same one.
   */
  streamId?: string;
  /** Synthetic residents per real resident (0.01 → about 25 000 people for 安康's 2.5 million). */
  populationScale?: number;
  scenario?: FeedScenario;
  /** Start of the feed: the scenario's clock starts here and the population is drawn as of shortly before. */
  startMs: number;
  /** No occurredAt before this (the ingest horizon, EVENT_MAX_AGE_DAYS, less a margin). */
  earliestMs: number;
  /** No occurredAt after this (backfill: the end of the range; live: leave undefined, the instant given is the bound). */
  latestMs?: number;
  /**
   * `spread`: backfill; each event is placed at a realistic time of day (clinics by day, emergencies
   * any time) on the day of its instant. `live`: occurredAt is the instant given, less a few seconds.
   */
  timeMode: 'spread' | 'live';
  /**
   * Multiplies the delays inside a story (length of stay, referral steps, amendments). 1 in backfill;
   * small in live mode (1/720 turns a 3-day stay into 6 minutes) so stories finish within a demo and
   * the queue of pending steps stays small.
   */
  followUpTimeScale?: number;
  /** Rates of the irregularities real feeds have; defaults in corrections.ts. */
  irregularities?: Partial<IrregularityRates>;
}

export interface IrregularityRates {
  /** An event is amended later (same eventId, version + 1, one field corrected). */
  amendment: number;
  /** An event is voided later (same eventId, version + 1, voided). */
  void: number;
  /** The sender retries: the same event (same eventId and version) again seconds later. */
  duplicate: number;
  /** The event reaches us days after it happened (a clinic that syncs weekly, a system back from an outage). */
  lateArrival: number;
}

export const DEFAULT_IRREGULARITIES: IrregularityRates = { amendment: 0.01, void: 0.003, duplicate: 0.005, lateArrival: 0.02 };
export const DEFAULT_POPULATION_SCALE = 0.01;
/** The ingest horizon (EVENT_MAX_AGE_DAYS) and the margin kept from it, so slow sends are not "too old". */
export const INGEST_HORIZON_DAYS = 400;
export const HORIZON_MARGIN_DAYS = 5;
