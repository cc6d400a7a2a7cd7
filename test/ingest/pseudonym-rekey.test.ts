import { Pool } from 'pg';
import { EXAMPLE_EVENTS, EXAMPLE_PEOPLE, HealthEvent } from '@lib/contracts';
import { subjectKeyPart } from '@lib/indicators';
import { Pseudonymiser } from '../../apps/ingest/src/privacy/pseudonymiser';
import { AppProcess, eventually } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { runTool } from '../support/run-tool';
import { testEnvironment } from '../support/test-environment';

const K1 = { id: 'k1', secret: '4a7c0e2b9d1f3a5c7e9b0d2f4a6c8e1b3d5f7a9c0e2b4d6f' };
const K2 = { id: 'k2', secret: 'c3e5a7b9d1f2048e6a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b' };
const BEFORE = { PSEUDONYM_SECRET: K1.secret, PSEUDONYM_KEY_ID: K1.id };
const AFTER = { PSEUDONYM_SECRET: K2.secret, PSEUDONYM_KEY_ID: K2.id, PSEUDONYM_PREVIOUS_KEYS: `${K1.id}:${K1.secret}` };

const girl = EXAMPLE_PEOPLE.girl2023.id;
const man = EXAMPLE_PEOPLE.man1952.id;
const at = new Date(Date.now() - 3600_000).toISOString().replace('Z', '+00:00');
let sequence = 0;
const fresh = <T extends HealthEvent>(event: T, overrides: Partial<T> = {}): T => ({
  ...event,
  eventId: `RK-${Date.now()}-${++sequence}`,
  occurredAt: at,
  ...overrides,
});
const [girlHepB, boyMmr] = EXAMPLE_EVENTS.vaccination;
const [registration, followup] = EXAMPLE_EVENTS.chronic_followup;

/**
 * Rotating the pseudonym secret through the real path: people reported under key k1, the stored
 * pseudonyms re-keyed by tools/rekey-pseudonyms.ts (ingest and aggregator stopped), ingest started on
 * the chain k1 → k2, the same people reported again. Each person must stay one subject: the second
 * report of the same vaccine dose is not counted again, the follow-up joins the registration.
 */
describe('pseudonym secret rotation (re-key)', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const aggregator = () => new AppProcess('aggregator', 3948);
  const ingest = (keys: Record<string, string>) => new AppProcess('ingest', 3947, { RAW_DOOR_ENABLED: 'false', ...keys });
  const rekey = (keys: Record<string, string>, args: string[] = []) => runTool('rekey-pseudonyms', testEnvironment({ ...keys }), args);
  let key = '';

  const report = async (app: AppProcess, events: HealthEvent[]) => {
    for (const event of events) {
      const response = await fetch(`${app.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(event),
      });
      expect(response.status).toBe(202);
    }
  };
  const applied = (n: number) =>
    eventually(
      async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_ledger')).rows[0].n),
      (count) => count >= n,
      60_000,
    );
  /** Children covered by HepB in 汉阴县, summed over the months (one child: 1). */
  const coverage = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `SELECT sum(value) AS n FROM indicator_counters
           WHERE indicator = 'vaccination_coverage' AND measure = 'numerator' AND level = 'county' AND region = '610921' AND dims LIKE '%HepB%' AND period ~ '^[0-9]{6}$'`,
        )
      ).rows[0].n,
    );
  const personIds = async () =>
    (await pool.query<{ id: string }>(`SELECT payload->'person'->>'id' AS id FROM event_ledger ORDER BY applied_at, event_id`)).rows.map((r) => r.id);

  beforeAll(async () => {
    await seedRegistry(pool);
    key = await issueApiKey(pool, girlHepB.institutionId);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('re-keys every stored pseudonym; the same people reported after the rotation join their subjects', async () => {
    // Before: two children vaccinated, a man registered with hypertension, under k1.
    let [door, counter] = [ingest(BEFORE), aggregator()];
    await Promise.all([door.start(), counter.start()]);
    await report(door, [fresh(girlHepB), fresh(boyMmr), fresh(registration, { institutionId: girlHepB.institutionId })]);
    await applied(3);
    expect((await personIds()).every((id) => id.startsWith('hmac-sha256:k1:'))).toBe(true);

    // Refused while anything could still write under k1, and without the key the pseudonyms carry.
    const running = await rekey(AFTER);
    expect([running.code, running.output]).toEqual([1, expect.stringMatching(/refused: consumer group \S+aggregator has 1 running member/)]);
    await Promise.all([door.stop(), counter.stop()]);
    const withoutK1 = await rekey({ PSEUDONYM_SECRET: K2.secret, PSEUDONYM_KEY_ID: K2.id });
    expect([withoutK1.code, withoutK1.output]).toEqual([1, expect.stringMatching(/refused: pseudonyms of key\(s\) k1 are stored/)]);
    expect((await rekey(AFTER, ['--check'])).code).toBe(1);

    const run = await rekey(AFTER);
    expect([run.code, run.output]).toEqual([0, expect.stringMatching(/3 people re-keyed k1 → k2: 3 ledger rows, 3 event versions, \d+ subject members/)]);
    expect(run.output).toMatch(/ledger rows per key after: k2: 3/);
    for (const secret of [K1.secret, K2.secret]) expect(run.output).not.toContain(secret);

    // After: ingest on the chain k1 → k2; the girl's dose reported again (another record of it), the man followed up.
    [door, counter] = [ingest(AFTER), aggregator()];
    await Promise.all([door.start(), counter.start()]);
    await report(door, [fresh(girlHepB), fresh(followup, { institutionId: girlHepB.institutionId })]);
    await applied(5);
    await Promise.all([door.stop(), counter.stop()]);

    const chain = new Pseudonymiser([K1, K2]);
    const [girlNow, manNow] = [chain.pseudonym('resident_id', girl), chain.pseudonym('resident_id', man)];
    const ids = await personIds();
    expect(ids.every((id) => id.startsWith('hmac-sha256:k2:'))).toBe(true);
    expect(ids.filter((id) => id === girlNow)).toHaveLength(2); // before and after the rotation: one person
    expect(ids.filter((id) => id === manNow)).toHaveLength(2);

    const members = async (subject: string) =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM subject_members WHERE subject = $1', [subject])).rows[0].n);
    expect(await members(`vax:${subjectKeyPart(girlNow)}:HepB:3`)).toBe(2);
    expect(await members(`chronic:${subjectKeyPart(manNow)}:hypertension`)).toBe(2);
    const { rows: subjects } = await pool.query<{ subject: string }>(
      'SELECT subject FROM subject_members UNION ALL SELECT unnest(subjects) FROM event_versions',
    );
    expect(subjects.map((r) => r.subject).filter((s) => s.includes(subjectKeyPart('hmac-sha256:k1:')))).toEqual([]);

    // The second report of the same dose counts no second child: 1 a year, not 2.
    expect(await coverage()).toBe(1);
    // And every counter is what the ledger gives, recomputed from scratch.
    const drift = await runTool('rebuild', env);
    expect([drift.code, drift.output]).toEqual([0, expect.stringContaining('no drift')]);
  });

  it('merges a person stored under both keys (an event applied under the old key after the rotation), and the rebuild recounts', async () => {
    // A stray ingest still on k1 after the rotation (or the tail of a restored backup): the girl splits in two.
    const [stray, counter] = [ingest(BEFORE), aggregator()];
    await Promise.all([stray.start(), counter.start()]);
    await report(stray, [fresh(girlHepB)]);
    await applied(6);
    await Promise.all([stray.stop(), counter.stop()]);
    expect(await coverage()).toBe(2);

    const run = await rekey(AFTER);
    expect([run.code, run.output]).toEqual([
      0,
      expect.stringMatching(/1 people re-keyed k1 → k2[\s\S]*1 subjects were also stored under k2 .*rebuild\.js --apply/),
    ]);
    const girlNow = new Pseudonymiser([K1, K2]).pseudonym('resident_id', girl);
    expect((await personIds()).filter((id) => id === girlNow)).toHaveLength(3);
    const fixed = await runTool('rebuild', env, ['--apply']);
    expect(fixed.code).toBe(0);
    expect(await coverage()).toBe(1);
    expect((await runTool('rebuild', env)).output).toContain('no drift');
  });

  it('has nothing more to do once every pseudonym carries the current key, and keeps the audit row', async () => {
    const again = await rekey(AFTER);
    expect([again.code, again.output]).toEqual([0, expect.stringContaining('nothing to re-key: every stored pseudonym carries k2')]);
    expect((await rekey(AFTER, ['--check'])).code).toBe(0);
    const { rows } = await pool.query('SELECT key_id, from_key_ids, people, ledger_rows, merged_subjects FROM pseudonym_rekeys ORDER BY rekeyed_at');
    expect(rows).toEqual([
      { key_id: 'k2', from_key_ids: ['k1'], people: 3, ledger_rows: '3', merged_subjects: 0 },
      { key_id: 'k2', from_key_ids: ['k1'], people: 1, ledger_rows: '1', merged_subjects: 1 },
    ]);
  });
});
