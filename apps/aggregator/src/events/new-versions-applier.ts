import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { eventKey, type CanonicalEvent } from '@lib/contracts';
import type { ContributionEngine } from '@lib/indicators';
import { CONTRIBUTION_ENGINE } from '../counting/contribution-engine.provider';
import { highestPerEvent } from '../counting/highest-per-event';
import { planSubjectChanges } from '../counting/plan-subject-changes';
import { Arrival, arrivalsOf, replacedSingleEventVersions, sharedSubjects, versionChanges } from '../counting/version-changes';
import { EventVersionRow, EventVersionsRepository } from './event-versions.repository';
import { LedgerRepository } from './ledger.repository';
import { SubjectMembersRepository } from './subject-members.repository';
import { CounterIds } from '../counter-log/counter-ids';
import { IndicatorCountersRepository } from '../counter-log/indicator-counters.repository';
import { SubjectLocksRepository } from './subject-locks.repository';

export interface AppliedVersions {
  /** Counter changes appended to the counter log (summed per counter within the batch). */
  counterChanges: number;
  /** Of those, the ones naming their counter by id. */
  counterChangesById: number;
  /** Versions that became their event's latest. */
  applied: number;
  /** Versions not above the latest (late, retried with a new version number, or superseded in the batch). */
  stale: number;
}

/**
 * The aggregator's algorithm ("Aggregator rules" in libs/indicators/README.md, executable spec
 * InMemorySubjectStore) on PostgreSQL, for a transaction's new ledger versions, inside that
 * transaction: it updates the latest versions (event_versions) and the shared subjects' members
 * (subject_members), and appends the counter changes to the counter log. How each rule maps to the
 * tables: apps/aggregator/README.md.
 */
@Injectable()
export class NewVersionsApplier {
  constructor(
    @Inject(CONTRIBUTION_ENGINE) private readonly engine: ContributionEngine,
    private readonly versions: EventVersionsRepository,
    private readonly ledger: LedgerRepository,
    private readonly locks: SubjectLocksRepository,
    private readonly members: SubjectMembersRepository,
    private readonly counterIds: CounterIds,
    private readonly counters: IndicatorCountersRepository,
  ) {}

  async apply(client: PoolClient, newVersions: readonly CanonicalEvent[]): Promise<AppliedVersions> {
    if (newVersions.length === 0) return { counterChanges: 0, counterChangesById: 0, applied: 0, stale: 0 };
    const { highest, superseded } = highestPerEvent(newVersions);
    const arrivals = arrivalsOf(highest, this.engine);
    const firsts = await this.versions.stageAndInsertFirsts(client, arrivals.map(versionRow));
    const stored = await this.versions.lockLatest(
      client,
      highest.filter((event) => !firsts.has(eventKey(event))),
    );
    const { changes, stale } = versionChanges(arrivals, stored);
    if (changes.length === 0) return { counterChanges: 0, counterChangesById: 0, applied: 0, stale: stale + superseded };

    // Single-event subjects (a visit's own) are serialised by their event's row, inserted or locked
    // above, and their "before" is the replaced version's payload; shared subjects are locked and their members read.
    const subjects = sharedSubjects(changes, this.engine);
    await this.locks.lockAll(client, subjects);
    const members = await this.members.load(client, subjects);
    const replaced = await this.ledger.payloadsOf(client, replacedSingleEventVersions(changes, this.engine));
    const plan = planSubjectChanges(changes, members, replaced, this.engine);

    await this.versions.replaceOlder(client, changes.filter(({ replaces }) => replaces !== null).map(versionRow));
    await this.members.remove(client, plan.left);
    await this.members.upsert(client, plan.joined);
    const counterChanges = plan.counters.nonZero();
    const counterChangesById = await this.counters.append(client, counterChanges, this.counterIds);
    return { counterChanges: counterChanges.length, counterChangesById, applied: changes.length, stale: stale + superseded };
  }
}

function versionRow({ event, joining }: Arrival): EventVersionRow {
  return { institutionId: event.institutionId, eventId: event.eventId, version: event.version, voided: event.voided === true, subjects: joining };
}
