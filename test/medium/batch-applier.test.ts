import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Client, DatabaseError, Pool, PoolClient } from 'pg';
import { Counter } from 'prom-client';
import type { CanonicalEvent, InstitutionFacts } from '@lib/contracts';
import { PG_POOL } from '@lib/database';
import type { ConsumedBatch, ConsumedMessage } from '@lib/kafka';
import { AggregatorEnvironment } from '../../apps/aggregator/src/aggregator.environment';
import { AGGREGATOR_METRICS, METRIC_DUPLICATES } from '../../apps/aggregator/src/consumption/aggregator.metrics';
import { APPLYING_PROVIDERS } from '../../apps/aggregator/src/consumption/applying-providers';
import { BatchApplier } from '../../apps/aggregator/src/consumption/batch-applier';
import { toLedgerEntry } from '../../apps/aggregator/src/consumption/canonical-message';
import { retryTransient } from '../../apps/aggregator/src/consumption/transient-errors';
import { CounterLogFolder } from '../../apps/aggregator/src/counter-log/counter-log-folder';
import { NewVersionsApplier } from '../../apps/aggregator/src/events/new-versions-applier';
import { ConsumerOffsetsRepository } from '../../apps/aggregator/src/offsets/consumer-offsets.repository';
import { LedgerRepository } from '../../apps/aggregator/src/events/ledger.repository';
import { InstitutionFeedsCache } from '../../apps/aggregator/src/feeds/institution-feeds.cache';
import { testEnvironment } from '../support/test-environment';

/**
 * The aggregator's batch applier at the middle level: the service and its repositories in process
 * against this file's own migrated PostgreSQL database; the edges past the commit (Redis, through
 * InstitutionFeedsCache and the counter-log fold) are fakes that record what they were asked. Each test uses
 * its own topic and institution, so the tests do not depend on each other's rows.
 */
describe('BatchApplier on PostgreSQL', () => {
  const GROUP = 'medium.aggregator';
  let pool: Pool;
  let applier: BatchApplier;
  let newVersions: NewVersionsApplier;
  let ledger: LedgerRepository;
  const folds: number[] = [];
  const feeds: unknown[] = [];

  beforeAll(async () => {
    Logger.overrideLogger(false); // the malformed message's error log is expected
    pool = new Pool({ connectionString: testEnvironment().DATABASE_URL });
    // The aggregator's validated defaults, one lane (so the tests' batches meet in one transaction at a time).
    const settings: Record<string, unknown> = { ...new AggregatorEnvironment(), AGGREGATOR_TRANSACTION_LANES: 1 };
    const module = await Test.createTestingModule({
      providers: [
        { provide: PG_POOL, useValue: pool },
        { provide: ConfigService, useValue: { get: (key: string) => settings[key] } },
        { provide: InstitutionFeedsCache, useValue: { recordFeeds: (activity: unknown[]) => Promise.resolve(void feeds.push(...activity)) } },
        { provide: CounterLogFolder, useValue: { request: () => Promise.resolve(void folds.push(Date.now())) } },
        ConsumerOffsetsRepository,
        ...APPLYING_PROVIDERS,
        BatchApplier,
        ...AGGREGATOR_METRICS,
      ],
    }).compile();
    applier = module.get(BatchApplier);
    newVersions = module.get(NewVersionsApplier);
    ledger = module.get(LedgerRepository);
    duplicates = module.get(getToken(METRIC_DUPLICATES));
  });

  afterAll(async () => {
    await applier.onApplicationShutdown();
    await pool.end();
  });

  let duplicates: Counter;
  const metric = async (counter: Counter) => (await counter.get()).values.reduce((sum, v) => sum + v.value, 0);

  const institution = (id: string): InstitutionFacts => ({ id, county: '610921', type: 'township_health_center', level: 2 });
  const visit = (facts: InstitutionFacts, eventId: string, version = 1, voided = false): CanonicalEvent =>
    ({
      eventId,
      version,
      voided,
      type: 'visit',
      action: 'outpatient',
      institutionId: facts.id,
      institution: facts,
      occurredAt: '2024-03-15T09:30:00+08:00',
      receivedAt: '2024-03-15T09:31:00+08:00',
      person: { id: `hmac-sha256:k1:${eventId}`, sex: 'F', birthDate: '1990-01-01', residenceRegion: '610921' },
      cost: 12.5,
      tcmPrescription: false,
      tcmNonDrugTherapy: false,
    }) as CanonicalEvent;
  const message = (partition: number, offset: number, value: unknown): ConsumedMessage => ({
    partition,
    offset: String(offset),
    key: '610921',
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    timestamp: String(Date.parse('2024-03-15T01:31:00Z')),
    headers: {},
  });
  const batch = (topic: string, partition: number, messages: ConsumedMessage[]): ConsumedBatch => ({
    topic,
    partition,
    messages,
    heartbeat: () => Promise.resolve(),
  });

  const nextOffset = async (topic: string, partition: number) =>
    (
      await pool.query<{ next_offset: string }>('SELECT next_offset FROM consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3', [
        GROUP,
        topic,
        partition,
      ])
    ).rows[0]?.next_offset;
  const ledgerRows = async (institutionId: string) =>
    (
      await pool.query<{ event_id: string; version: number; voided: boolean }>(
        'SELECT event_id, version, voided FROM event_ledger WHERE institution_id = $1 ORDER BY event_id, version',
        [institutionId],
      )
    ).rows;
  /** Visits of residents of 610921 in 2024-03 counted so far: county_visit_rate's denominator (the fold is a fake here: all in the counter log). */
  const countedVisits = async () => {
    const { rows } = await pool.query<{ visits: number }>(
      `SELECT coalesce(sum(value), 0)::int AS visits FROM indicator_counter_values
       WHERE indicator = 'county_visit_rate' AND measure = 'denominator' AND level = 'county' AND region = '610921' AND period = '202403'`,
    );
    return rows[0].visits;
  };

  it('applies a batch once: a redelivery of offsets already stored neither counts again nor moves the stored offset back', async () => {
    const topic = 'medium.redelivery';
    const facts = institution('610921-MED-001');
    const messages = [0, 1, 2].map((offset) => message(0, offset, visit(facts, `E${offset}`)));
    const before = await countedVisits();
    await applier.apply(GROUP, batch(topic, 0, messages));
    expect(await nextOffset(topic, 0)).toBe('3');
    expect((await ledgerRows(facts.id)).map((r) => r.event_id)).toEqual(['E0', 'E1', 'E2']);

    // The consumer restarts from an older committed position and delivers offsets 0 and 1 again.
    const duplicatesBefore = await metric(duplicates);
    await applier.apply(GROUP, batch(topic, 0, messages.slice(0, 2)));
    expect(await nextOffset(topic, 0)).toBe('3');
    expect(await metric(duplicates)).toBe(duplicatesBefore); // skipped by offset, not even read as duplicates
    expect(await countedVisits()).toBe(before + 3);

    // A batch straddling the stored offset applies only what lies beyond it.
    await applier.apply(GROUP, batch(topic, 0, [...messages.slice(1), message(0, 3, visit(facts, 'E3'))]));
    expect(await nextOffset(topic, 0)).toBe('4');
    expect(await metric(duplicates)).toBe(duplicatesBefore);
    expect((await ledgerRows(facts.id)).map((r) => r.event_id)).toEqual(['E0', 'E1', 'E2', 'E3']);
    expect(await countedVisits()).toBe(before + 4);
  });

  it('keeps a withdrawal in the ledger as voided and takes the event out of the counts', async () => {
    const topic = 'medium.voided';
    const facts = institution('610921-MED-002');
    const before = await countedVisits();
    await applier.apply(GROUP, batch(topic, 0, [message(0, 0, visit(facts, 'V1')), message(0, 1, visit(facts, 'V2'))]));
    expect(await countedVisits()).toBe(before + 2);
    await applier.apply(GROUP, batch(topic, 0, [message(0, 2, visit(facts, 'V1', 2, true))]));
    expect(await ledgerRows(facts.id)).toEqual([
      { event_id: 'V1', version: 1, voided: false },
      { event_id: 'V1', version: 2, voided: true },
      { event_id: 'V2', version: 1, voided: false },
    ]);
    expect(await countedVisits()).toBe(before + 1);
  });

  it('keeps no membership row for a visit (its own single-event subject) and moves its counters to each amendment', async () => {
    const topic = 'medium.single-event';
    const facts = institution('610921-MED-005');
    const subject = `evt:${facts.id}:S1`;
    const members = async () => (await pool.query('SELECT 1 FROM subject_members WHERE institution_id = $1', [facts.id])).rowCount;
    const stored = async () =>
      (await pool.query<{ version: number; subjects: string[] }>('SELECT version, subjects FROM event_versions WHERE institution_id = $1', [facts.id])).rows;
    /** Everything counted at the institution's own level, all indicators and periods. */
    const institutionTotal = async () =>
      (
        await pool.query<{ total: number }>(
          "SELECT coalesce(sum(abs(value)), 0)::int AS total FROM indicator_counter_values WHERE level = 'institution' AND region = $1",
          [facts.id],
        )
      ).rows[0].total;
    const before = await countedVisits();

    await applier.apply(GROUP, batch(topic, 0, [message(0, 0, visit(facts, 'S1'))]));
    expect(await members()).toBe(0);
    expect(await institutionTotal()).toBeGreaterThan(0);
    expect(await stored()).toEqual([{ version: 1, subjects: [subject] }]);
    expect(await countedVisits()).toBe(before + 1);

    // Amended into April: March's count loses the visit (the "before" is version 1 from the ledger).
    await applier.apply(GROUP, batch(topic, 0, [message(0, 1, { ...visit(facts, 'S1', 2), occurredAt: '2024-04-02T09:30:00+08:00' })]));
    expect(await countedVisits()).toBe(before);
    // Amended back into March by version 4; version 3 arrives behind it in the same batch and changes nothing.
    await applier.apply(GROUP, batch(topic, 0, [message(0, 2, visit(facts, 'S1', 4)), message(0, 3, visit(facts, 'S1', 3))]));
    expect(await countedVisits()).toBe(before + 1);
    await applier.apply(GROUP, batch(topic, 0, [message(0, 4, visit(facts, 'S1', 5, true))]));
    expect(await countedVisits()).toBe(before);
    expect(await stored()).toEqual([{ version: 5, subjects: [] }]);
    expect(await members()).toBe(0);
    expect(await institutionTotal()).toBe(0); // nothing left behind in any period, indicator or measure
  });

  it('makes a first version whose event another transaction is storing meanwhile wait for it, then replace its version', async () => {
    // Two partitions applying one event at once (an institution that moved county): both find no
    // stored version; the second's insert of its "first" version waits for the first transaction.
    const facts = institution('610921-MED-006');
    const first = new Client({ connectionString: testEnvironment().DATABASE_URL });
    const second = new Client({ connectionString: testEnvironment().DATABASE_URL });
    await first.connect();
    await second.connect();
    try {
      // As the batch applier does: into the ledger, then the new versions through NewVersionsApplier.
      const applyInTransaction = async (client: Client, offset: number, event: CanonicalEvent) => {
        const db = client as unknown as PoolClient;
        await ledger.insertNew(db, [toLedgerEntry(message(0, offset, event))!]);
        return newVersions.apply(db, [event]);
      };
      const before = await countedVisits();
      await first.query('BEGIN');
      await second.query('BEGIN');
      await applyInTransaction(first, 0, visit(facts, 'C1', 1));
      const late = applyInTransaction(second, 1, visit(facts, 'C1', 2));
      await waitUntilBlocked(pool, 'INSERT INTO event_versions');
      await first.query('COMMIT');
      expect(await late).toMatchObject({ applied: 1, stale: 0 });
      await second.query('COMMIT');
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM event_versions WHERE institution_id = $1', [facts.id]);
      expect(rows).toEqual([{ version: 2 }]);
      expect(await countedVisits()).toBe(before + 1); // version 2 replaced version 1: one visit, not two
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('skips a malformed message and moves past it, applying the rest of the batch', async () => {
    const topic = 'medium.malformed';
    const facts = institution('610921-MED-003');
    await applier.apply(GROUP, batch(topic, 0, [message(0, 0, '{not json'), message(0, 1, visit(facts, 'M1'))]));
    expect(await nextOffset(topic, 0)).toBe('2');
    expect((await ledgerRows(facts.id)).map((r) => r.event_id)).toEqual(['M1']);
  });

  describe('toLedgerEntry', () => {
    it('carries the withdrawal and the message position into the ledger entry', () => {
      const facts = institution('610921-MED-004');
      const entry = toLedgerEntry(message(3, 41, visit(facts, 'T1', 2, true)));
      expect(entry).toMatchObject({
        institutionId: facts.id,
        eventId: 'T1',
        version: 2,
        voided: true,
        partition: 3,
        offset: '41',
        receivedAt: '2024-03-15T09:31:00+08:00',
      });
      expect(toLedgerEntry(message(3, 42, visit(facts, 'T2')))?.voided).toBe(false);
      expect(toLedgerEntry(message(3, 43, { ...visit(facts, 'T3'), version: 'one' }))).toBeUndefined();
    });
  });

  describe('retryTransient', () => {
    /** Two sessions taking two rows' locks in opposite orders: PostgreSQL aborts one with 40P01. */
    it('runs a transaction again after PostgreSQL broke a deadlock by aborting it', async () => {
      await pool.query('CREATE TABLE IF NOT EXISTS medium_deadlock (id int PRIMARY KEY, touched int NOT NULL DEFAULT 0)');
      await pool.query('INSERT INTO medium_deadlock (id) VALUES (1), (2) ON CONFLICT DO NOTHING');
      const other = new Client({ connectionString: testEnvironment().DATABASE_URL });
      await other.connect();
      const victim = new Client({ connectionString: testEnvironment().DATABASE_URL });
      await victim.connect();
      try {
        // The victim detects the deadlock first, so it is the one aborted; the other waits it out.
        await victim.query("SET deadlock_timeout = '50ms'");
        await other.query("SET deadlock_timeout = '10s'");
        await other.query('BEGIN');
        await other.query('UPDATE medium_deadlock SET touched = touched + 1 WHERE id = 2');

        const retried: unknown[] = [];
        let attempts = 0;
        let otherDone: Promise<unknown> | undefined;
        const result = retryTransient(
          async () => {
            attempts += 1;
            await victim.query('BEGIN');
            try {
              await victim.query('UPDATE medium_deadlock SET touched = touched + 1 WHERE id = 1');
              // First attempt: the other session now waits for row 1 while holding row 2.
              if (attempts === 1) otherDone = other.query('UPDATE medium_deadlock SET touched = touched + 1 WHERE id = 1').then(() => other.query('COMMIT'));
              if (attempts === 1) await waitUntilBlocked(pool, 'UPDATE medium_deadlock');
              await victim.query('UPDATE medium_deadlock SET touched = touched + 1 WHERE id = 2');
              await victim.query('COMMIT');
              return attempts;
            } catch (error) {
              await victim.query('ROLLBACK');
              throw error;
            }
          },
          (error) => retried.push(error),
        );

        await expect(result).resolves.toBe(2);
        await otherDone;
        expect(retried.map((e) => (e as DatabaseError).code)).toEqual(['40P01']);
        const { rows } = await pool.query<{ touched: number }>('SELECT touched FROM medium_deadlock ORDER BY id');
        expect(rows.map((r) => r.touched)).toEqual([2, 2]); // each session's two updates, once
      } finally {
        await other.end();
        await victim.end();
      }
    });

    it('does not retry an error that is not transient', async () => {
      let attempts = 0;
      const failing = retryTransient(
        async () => {
          attempts += 1;
          await pool.query('SELECT * FROM no_such_table');
        },
        () => undefined,
      );
      await expect(failing).rejects.toMatchObject({ code: '42P01' });
      expect(attempts).toBe(1);
    });
  });
});

/** Waits until some session's statement starting with `query` waits for a lock. */
async function waitUntilBlocked(pool: Pool, query: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1",
      [`${query}%`],
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no session waits on a lock for ${query}`);
}
