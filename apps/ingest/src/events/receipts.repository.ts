import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { GroupCommit } from '@lib/batching';
import { eventKey, EventIdentity, eventVersionKey, EventVersionIdentity } from '@lib/contracts';
import { PG_POOL } from '@lib/database';

type Receipt = EventVersionIdentity & { receivedAt: string };

/** One caller's lookup: its keys, and the ones found (filled in by the shared statement). */
interface Lookup {
  keys: EventVersionIdentity[];
  found: Set<string>;
}

/** Keys per statement: a full HTTP batch (1000 events) fits, and one statement's arrays stay small. */
const MAX_KEYS_PER_STATEMENT = 5000;

/**
 * Owns `ingest_receipts`: the event versions already made durable on the canonical topic.
 * Concurrent requests share statements (GroupCommit, no linger: one statement of each kind at a
 * time, gathering what arrives meanwhile), so a stream of single events costs a round trip per
 * group, not per request. Receipts are written behind the answer (`recordBehind`).
 */
@Injectable()
export class ReceiptsRepository implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReceiptsRepository.name);
  private readonly lookups = new GroupCommit<Lookup>({
    commit: (lookups) => this.lookUp(lookups),
    size: (lookup) => lookup.keys.length,
    maxSize: MAX_KEYS_PER_STATEMENT,
    gatherMs: 0,
  });

  private readonly records = new GroupCommit<Receipt[]>({
    commit: (groups) => this.insert(groups.flat()),
    size: (keys) => keys.length,
    maxSize: MAX_KEYS_PER_STATEMENT,
    gatherMs: 0,
  });

  /** Versions whose receipt is being inserted (`eventVersionKey`): a lookup finds them here meanwhile. */
  private readonly beingRecorded = new Set<string>();
  private readonly inserts = new Set<Promise<void>>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Which of these versions were accepted before (as `eventVersionKey` strings). */
  async alreadyAccepted(keys: EventVersionIdentity[]): Promise<Set<string>> {
    const lookup: Lookup = { keys: [], found: new Set() };
    for (const key of keys) {
      const versionKey = eventVersionKey(key);
      if (this.beingRecorded.has(versionKey)) lookup.found.add(versionKey);
      else lookup.keys.push(key);
    }
    if (lookup.keys.length > 0) await this.lookups.submit(lookup);
    return lookup.found;
  }

  /**
   * Records these durable versions with the door's receipt time (`receivedAt`, which a later version of
   * a disease card carries as its first) without making the answer wait for the insert: a receipt only
   * spares a retry from being forwarded again (and dropped downstream by eventId and version), so a
   * lost one is logged, not answered. Until the insert commits, this process's lookups find them in
   * memory; a retry reaching another replica in that millisecond or two is forwarded again.
   */
  recordBehind(receipts: Receipt[]): void {
    if (receipts.length === 0) return;
    const keys = receipts.map(eventVersionKey);
    for (const key of keys) this.beingRecorded.add(key);
    const insert: Promise<void> = this.records
      .submit(receipts)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'receipts not recorded: a retry of these versions will be forwarded again'))
      .finally(() => {
        for (const key of keys) this.beingRecorded.delete(key);
        this.inserts.delete(insert);
      });
    this.inserts.add(insert);
  }

  /** Receipts still being inserted are written before the pool closes (a bulk import's process ends right after its last batch). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.insertsSettled();
  }

  /**
   * When each of these events' earliest recorded version was received (keyed by `eventKey`);
   * events never received before are absent. Only later versions of disease cards ask, so this
   * lookup stays off the common path.
   */
  async firstReceipts(events: readonly EventIdentity[]): Promise<Map<string, string>> {
    if (events.length === 0) return new Map();
    await this.insertsSettled(); // a first version answered a moment ago may still be on its way to the table
    const { rows } = await this.pool.query<{ institutionId: string; eventId: string; first: Date }>(
      `SELECT r.institution_id AS "institutionId", r.event_id AS "eventId", min(r.accepted_at) AS first
       FROM ingest_receipts r
       JOIN unnest($1::text[], $2::text[]) AS k(institution_id, event_id)
         ON r.institution_id = k.institution_id AND r.event_id = k.event_id
       GROUP BY r.institution_id, r.event_id`,
      [events.map((e) => e.institutionId), events.map((e) => e.eventId)],
    );
    return new Map(rows.map((r) => [eventKey(r), r.first.toISOString()]));
  }

  private async insertsSettled(): Promise<void> {
    await Promise.all(this.inserts);
  }

  private async lookUp(lookups: Lookup[]): Promise<void> {
    const keys = lookups.flatMap((l) => l.keys);
    // unnest, not a JSON document: the planner knows how many keys unnest yields (a JSON recordset it
    // takes for 100), so it probes the primary key per key instead of hashing a seq scan of every receipt.
    const { rows } = await this.pool.query<EventVersionIdentity>(
      `SELECT r.institution_id AS "institutionId", r.event_id AS "eventId", r.version
       FROM unnest($1::text[], $2::text[], $3::int[]) AS k(institution_id, event_id, version)
       JOIN ingest_receipts r USING (institution_id, event_id, version)`,
      [keys.map((k) => k.institutionId), keys.map((k) => k.eventId), keys.map((k) => k.version)],
    );
    const found = new Set(rows.map(eventVersionKey));
    for (const lookup of lookups) {
      for (const key of lookup.keys.map(eventVersionKey)) if (found.has(key)) lookup.found.add(key);
    }
  }

  private async insert(receipts: Receipt[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ingest_receipts (institution_id, event_id, version, accepted_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [receipts.map((r) => r.institutionId), receipts.map((r) => r.eventId), receipts.map((r) => r.version), receipts.map((r) => r.receivedAt)],
    );
  }
}
