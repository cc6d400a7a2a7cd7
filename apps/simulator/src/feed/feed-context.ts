import type { HealthEvent } from '@lib/contracts';
import type { CareNetwork } from './care-network';
import type { FeedOptions, IrregularityRates } from './feed-options';
import type { FeedRandom } from './feed-random';
import type { FeedScenario } from './feed-scenario';
import type { ResidentIdMint } from './resident-ids';
import type { CountyPopulation } from './synthetic-population';

/** What every event family reads and moves: chance, the network, the people, ids and the queue of later steps. */
export interface FeedContext {
  random: FeedRandom;
  network: CareNetwork;
  populations: Map<string, CountyPopulation>;
  /** Counties weighted by their synthetic population, for "a resident somewhere in 安康". */
  countyWeights: Readonly<Record<string, number>>;
  mint: ResidentIdMint;
  options: Required<Omit<FeedOptions, 'latestMs' | 'irregularities'>> & { latestMs?: number; irregularities: IrregularityRates; scenario: FeedScenario };
  /** A fresh eventId, unique in the stream (and so per institution). */
  eventId(family: string): string;
  /** A fresh referral id (转诊单号). */
  referralId(fromCounty: string): string;
  /** Schedules an event to be emitted once the stream reaches `dueMs` (its occurredAt is its own). */
  later(dueMs: number, event: HealthEvent): void;
}
