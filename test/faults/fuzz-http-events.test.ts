import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { EXAMPLE_INSTITUTIONS, HealthEvent } from '@lib/contracts';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testRunId } from '../support/test-environment';
import { freshExamples } from '../ingest/event-fixtures';
import { badBytes } from './support/bad-bytes';
import { badEvent } from './support/bad-events';
import { FaultBed } from './support/fault-bed';
import { FUZZ_SEED, size } from './support/fault-config';
import { recordFigures } from './support/figures';
import { postEvents, reasonOf, Tally } from './support/http-client';

const SINGLE_RUNS = size(1200, 6000);
const BYTES_RUNS = size(300, 1500);
const BATCHES = size(10, 40);
const BATCH_SIZE = 1000;
const REFUSALS = [400, 403, 413, 415, 422];

/**
 * Property-based fuzzing of the HTTP door: events that are bad by construction (one mutation of a
 * valid event), unreadable bodies, and batches mixing good and bad events. Every answer is a 4xx with
 * a machine-readable reason, or a 202 whose bad events are each `rejected` with a code and whose
 * good events are accepted; nothing is ever a 5xx, and ingest is healthy at the end.
 */
describe('fuzz: POST /v1/events', () => {
  const bed = new FaultBed('fuzz-http');
  const ingest = bed.app('ingest', 3991, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '10000000' });
  const keys = new Map<string, string>();
  const inputs = new Tally();
  const statuses = new Tally();
  let bases: HealthEvent[];

  beforeAll(async () => {
    await seedRegistry(bed.pool);
    for (const { id } of Object.values(EXAMPLE_INSTITUTIONS)) keys.set(id, await issueApiKey(bed.pool, id));
    await bed.setup();
    await ingest.start();
    bases = freshExamples();
  });

  afterAll(async () => {
    await ingest.stop();
    await bed.teardown();
    recordFigures('fuzz-http-events', { inputs: inputs.total, byKind: inputs.counts, statuses: statuses.counts, serverErrors: statuses.counts['5xx'] ?? 0 });
  });

  const refused = (answer: Awaited<ReturnType<typeof postEvents>>, label: string) => {
    statuses.add(answer.status >= 500 ? '5xx' : String(answer.status));
    const reason = reasonOf(answer);
    if (!REFUSALS.includes(answer.status) || reason === undefined) throw new Error(`${label}: answered ${answer.status} ${answer.text.slice(0, 300)}`);
    if ([403, 422].includes(answer.status) && answer.body?.results?.[0]?.status !== 'rejected')
      throw new Error(`${label}: ${answer.status} without a rejected result`);
  };

  it(`refuses ${SINGLE_RUNS} bad single events with a reason`, async () => {
    const arbitrary = fc.constantFrom(...bases).chain((base) => badEvent(base).map((bad) => ({ base, bad })));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ base, bad }) => {
        inputs.add(bad.kind);
        refused(await postEvents(ingest.url, keys.get(base.institutionId)!, bad.text), bad.kind);
      }),
      { seed: FUZZ_SEED, numRuns: SINGLE_RUNS },
    );
  });

  it(`refuses ${BYTES_RUNS} unreadable bodies (invalid UTF-8, cut-off JSON, random bytes)`, async () => {
    const arbitrary = fc.constantFrom(...bases).chain((base) => badBytes(base).map((bad) => ({ base, bad })));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ base, bad }) => {
        inputs.add(bad.kind);
        refused(await postEvents(ingest.url, keys.get(base.institutionId)!, bad.bytes), bad.kind);
      }),
      { seed: FUZZ_SEED + 1, numRuns: BYTES_RUNS },
    );
  });

  it('refuses odd envelopes: media types, encodings, sizes, top-level nesting, batch shapes', async () => {
    const [base] = bases;
    const key = keys.get(base.institutionId)!;
    const event = JSON.stringify(base);
    const cases: [string, string | Buffer, Record<string, string>][] = [
      ['text_plain', event, { 'content-type': 'text/plain' }],
      ['form', 'eventId=1', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['latin1_charset', event, { 'content-type': 'application/json; charset=latin1' }],
      ['bad_gzip', Buffer.from('not gzip'), { 'content-encoding': 'gzip' }],
      ['gzip_bomb', gzipSync(Buffer.alloc(50_000_000, 0x20)), { 'content-encoding': 'gzip' }],
      ['brotli_claimed', Buffer.from(event), { 'content-encoding': 'br' }],
      ['over_body_limit', `{"eventId":"${'A'.repeat(5_000_000)}"}`, {}],
      ['deep_array_1e6', '['.repeat(1_000_000) + ']'.repeat(1_000_000), {}],
      ['deep_object_1e5', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), {}],
      ['empty_batch', '{"events":[]}', {}],
      ['batch_not_array', '{"events":{"0":{}}}', {}],
      ['batch_too_large', JSON.stringify({ events: Array.from({ length: 1001 }, () => ({})) }), {}],
      ['top_level_array', `[${event}]`, {}],
      ['top_level_null', 'null', {}],
      ['duplicate_keys', event.replace(/\}$/, ',"eventId":"x y"}'), {}],
      ['nul_bytes', Buffer.from([0x00, 0x00, 0x00]), {}],
      ['bom_then_garbage', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{oops')]), {}],
    ];
    for (const [kind, body, headers] of cases) {
      inputs.add(kind);
      const answer = await postEvents(ingest.url, key, body, headers);
      // A duplicate key is legal JSON (the last one wins): the event is judged, and "x y" is not an eventId.
      refused(answer, kind);
    }
  });

  it(`answers ${BATCHES} batches of ${BATCH_SIZE} mixing good and bad events one result each`, async () => {
    const institution = EXAMPLE_INSTITUTIONS.townshipCenter.id;
    const own = bases.filter((e) => e.institutionId === institution);
    let sequence = 0;
    const run = testRunId();
    const good = fc.constantFrom(...own).map((e) => ({ kind: 'good', text: JSON.stringify({ ...e, eventId: `FZ-${run}-${++sequence}` }) }));
    const item = fc.oneof({ arbitrary: good, weight: 1 }, { arbitrary: fc.constantFrom(...own).chain((b) => badEvent(b, 1500)), weight: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), async (items) => {
        for (const i of items) inputs.add(i.kind === 'good' ? 'batch_good' : `batch_${i.kind}`);
        const answer = await postEvents(ingest.url, keys.get(institution)!, `{"events":[${items.map((i) => i.text).join(',')}]}`);
        statuses.add(answer.status >= 500 ? '5xx' : String(answer.status));
        if (answer.status !== 202) throw new Error(`batch answered ${answer.status} ${answer.text.slice(0, 300)}`);
        const results = answer.body?.results as { status: string; errors?: { code: string }[] }[];
        expect(results).toHaveLength(items.length);
        items.forEach((i, n) => {
          const r = results[n];
          if (i.kind === 'good' ? r.status !== 'accepted' : r.status !== 'rejected' || typeof r.errors?.[0]?.code !== 'string') {
            throw new Error(`batch item ${n} (${i.kind}) answered ${JSON.stringify(r).slice(0, 300)}: ${i.text.slice(0, 300)}`);
          }
        });
      }),
      { seed: FUZZ_SEED + 2, numRuns: BATCHES },
    );
  });

  it('is alive and healthy after all of it', async () => {
    expect(await ingest.healthy()).toBe(true);
    expect(statuses.counts['5xx'] ?? 0).toBe(0);
    expect(inputs.total).toBeGreaterThanOrEqual(size(10_000, 45_000));
  });
});
