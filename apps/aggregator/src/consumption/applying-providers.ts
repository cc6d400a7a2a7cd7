import type { Provider } from '@nestjs/common';
import { CounterIds } from '../counter-log/counter-ids';
import { IndicatorCountersRepository } from '../counter-log/indicator-counters.repository';
import { contributionEngineProvider } from '../counting/contribution-engine.provider';
import { EventVersionsRepository } from '../events/event-versions.repository';
import { LedgerRepository } from '../events/ledger.repository';
import { NewVersionsApplier } from '../events/new-versions-applier';
import { SubjectLocksRepository } from '../events/subject-locks.repository';
import { SubjectMembersRepository } from '../events/subject-members.repository';
import { InstitutionFeedsRepository } from '../feeds/institution-feeds.repository';

/**
 * What `BatchApplier` uses inside an applying transaction: the repositories of the tables it writes and
 * the algorithm on them. Besides these it takes the consumer offsets (`StoredOffsetsModule`) and, after
 * COMMIT, the counter-log folder and the institution feeds' cache.
 */
export const APPLYING_PROVIDERS: Provider[] = [
  LedgerRepository,
  InstitutionFeedsRepository,
  EventVersionsRepository,
  SubjectMembersRepository,
  SubjectLocksRepository,
  IndicatorCountersRepository,
  CounterIds,
  contributionEngineProvider,
  NewVersionsApplier,
];
