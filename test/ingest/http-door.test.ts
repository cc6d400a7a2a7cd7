import { Pool } from 'pg';
import { CanonicalEvent, HealthEvent } from '@lib/contracts';
import { TOPICS } from '@lib/kafka';
import { AppProcess } from '../support/app-process';
import { expectedRecordHeaders } from '../support/record-headers';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from './event-fixtures';

/** POST /v1/events against a real ingest process, Kafka and PostgreSQL. */
describe('HTTP door: POST /v1/events', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3941, { RAW_DOOR_ENABLED: 'false' });
  const keys = new Map<string, string>();

  const post = (body: unknown, key?: string, contentType = 'application/json') =>
    fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const keyFor = (event: HealthEvent) => keys.get(event.institutionId) as string;

  beforeAll(async () => {
    await seedRegistry(pool);
    for (const event of freshExamples()) {
      if (!keys.has(event.institutionId)) keys.set(event.institutionId, await issueApiKey(pool, event.institutionId));
    }
    await ingest.start();
  });

  afterAll(async () => {
    await ingest.stop();
    await pool.end();
  });

  it('accepts every type and action, then answers a retry "duplicate"', async () => {
    const events = freshExamples();
    for (const event of events) {
      const first = await post(event, keyFor(event));
      const body = (await first.json()) as { results: { status: string; errors?: unknown }[] };
      expect({ type: `${event.type}.${event.action}`, status: first.status, result: body.results[0] }).toMatchObject({
        status: 202,
        result: { status: 'accepted' },
      });
      const retry = await post(event, keyFor(event));
      expect(((await retry.json()) as { results: { status: string }[] }).results[0].status).toBe('duplicate');
    }
  });

  it('puts accepted events on the canonical topic, keyed by county, pseudonymised, with routing headers', async () => {
    const [event] = freshExamples();
    const requestId = `trace-${Date.now()}`;
    const answer = await fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyFor(event)}`, 'x-request-id': requestId },
      body: JSON.stringify(event),
    });
    expect(answer.status).toBe(202);
    const canonical = (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events))
      .map((m) => ({ key: m.key, event: JSON.parse(m.value) as CanonicalEvent, headers: m.headers }))
      .find((m) => m.event.eventId === event.eventId);
    expect(canonical?.key).toBe(canonical?.event.institution.county);
    expect(canonical?.event.person?.id).toMatch(/^hmac-sha256:k1:[0-9a-f]{64}$/);
    expect(JSON.stringify(canonical)).not.toContain(event.person?.id);
    expect(canonical?.headers).toEqual(
      expectedRecordHeaders({ eventId: event.eventId, type: event.type, institutionId: event.institutionId, correlationId: requestId }),
    );
  });

  it('answers a 1000-event mixed batch with one result per event', async () => {
    const base = freshExamples().filter((e) => e.institutionId === '610921-THC-001');
    const repeatedId = `BATCH-dup-${Date.now()}`;
    const events = Array.from({ length: 1000 }, (_, i) => {
      const event = { ...base[i % base.length], eventId: `BATCH-${Date.now()}-${i}` } as Record<string, unknown>;
      if (i % 10 === 3) event.person = { ...(event.person as object), residenceRegion: '999999' };
      if (i % 10 === 7) event.institutionId = '610921-CH-001';
      if (i % 10 === 9) Object.assign(event, { eventId: repeatedId, version: 1 }); // one version, so retries are duplicates
      return event;
    });
    const response = await post({ events }, keys.get('610921-THC-001'));
    expect(response.status).toBe(202);
    const body = (await response.json()) as { results: { index: number; status: string; errors?: { code: string }[] }[]; summary: Record<string, number> };
    expect(body.results).toHaveLength(1000);
    expect(body.results.map((r) => r.index)).toEqual([...Array(1000).keys()]);
    expect(body.results[3].errors?.[0].code).toBe('unknown_region');
    expect(body.results[7].errors?.[0].code).toBe('forbidden_institution');
    expect(body.results[19].status).toBe('duplicate'); // same eventId as index 9
    expect(body.summary).toEqual({ accepted: 701, duplicate: 99, rejected: 200 });
  });

  it('accepts a 1000-event batch of one institution larger than a Kafka record batch (1 MB)', async () => {
    const referral = freshExamples().find((e) => e.type === 'referral' && e.action === 'initiated')!;
    const events = Array.from({ length: 1000 }, (_, i) => ({ ...referral, eventId: `BIG-${Date.now()}-${i}`, reason: '转诊原因'.repeat(100) }));
    const body = JSON.stringify({ events });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const response = await post(body, keyFor(referral));
    expect(response.status).toBe(202);
    expect(((await response.json()) as { summary: Record<string, number> }).summary).toEqual({ accepted: 1000, duplicate: 0, rejected: 0 });
  });

  it('refuses a body without a credential before reading it (not JSON here: parsed, it would be a 400)', async () => {
    const codeOf = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { code: string }).code });
    expect(await codeOf(await post('{"eventId": "BROKEN'))).toEqual({ status: 401, code: 'missing_api_key' });
    const adminWrite = await fetch(`${ingest.url}/v1/admin/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(await codeOf(adminWrite)).toEqual({ status: 401, code: 'invalid_admin_token' });
  });

  it('refuses what it cannot accept, with machine-readable reasons', async () => {
    const [event] = freshExamples();
    const key = keyFor(event);
    const codeOf = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { code: string }).code });

    expect(await codeOf(await post(event))).toEqual({ status: 401, code: 'missing_api_key' });
    expect(await codeOf(await post(event, 'hik_not-a-key'))).toEqual({ status: 401, code: 'invalid_api_key' });
    expect(await codeOf(await post('{"eventId": ', key))).toEqual({ status: 400, code: 'invalid_json' });
    expect(await codeOf(await post([event], key))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await codeOf(await post({ events: [] }, key))).toEqual({ status: 400, code: 'invalid_batch' });
    expect(await codeOf(await post(`{"events":[${'"x",'.repeat(1000)}"x"]}`, key))).toEqual({ status: 400, code: 'batch_too_large' });
    expect(await codeOf(await post({ ...event, cost: 'x'.repeat(5_000_000) }, key))).toEqual({ status: 413, code: 'body_too_large' });
  });

  it('says "send application/json" to a body of another media type (curl -d @file), and quotes the correlation id on unreadable JSON', async () => {
    const [event] = freshExamples();
    const key = keyFor(event);
    const form = await post(JSON.stringify(event), key, 'application/x-www-form-urlencoded');
    const formBody = (await form.json()) as { code: string; message: string; correlationId?: string };
    expect({ status: form.status, code: formBody.code }).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(formBody.message).toContain('Content-Type: application/json');
    expect(formBody.correlationId).toEqual(expect.any(String));

    const broken = await fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'integrator-req-0042' },
      body: '{"eventId": ',
    });
    expect({ status: broken.status, body: await broken.json() }).toMatchObject({
      status: 400,
      body: { code: 'invalid_json', correlationId: 'integrator-req-0042' },
    });
    const anonymous = await post('{"eventId": ');
    expect(((await anonymous.json()) as { correlationId?: string }).correlationId).toEqual(expect.any(String));
  });

  it('answers a single rejected event 422 and another institution’s event 403', async () => {
    const [event] = freshExamples();
    const rejected = await post({ ...event, occurredAt: '2099-01-01T00:00:00+08:00' }, keyFor(event));
    expect(rejected.status).toBe(422);
    expect(((await rejected.json()) as { results: { errors: { code: string }[] }[] }).results[0].errors[0].code).toBe('future_timestamp');

    const other = await post({ ...event, institutionId: '610921-CH-001' }, keyFor(event));
    expect(other.status).toBe(403);
    expect(((await other.json()) as { results: { errors: { code: string }[] }[] }).results[0].errors[0].code).toBe('forbidden_institution');
  });

  it('refuses a referral from an institution that is neither of its parties (422 not_a_referral_party)', async () => {
    const referral = freshExamples().find((e) => e.type === 'referral') as HealthEvent & { fromInstitutionId: string; toInstitutionId: string };
    const third = '610921-VC-001';
    expect([referral.fromInstitutionId, referral.toInstitutionId]).not.toContain(third);
    const response = await post({ ...referral, institutionId: third }, await issueApiKey(pool, third));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { results: { errors: { path: string; code: string }[] }[] }).results[0].errors).toEqual([
      expect.objectContaining({ path: 'institutionId', code: 'not_a_referral_party' }),
    ]);
  });

  it('counts outcomes and rejection reasons in its metrics', async () => {
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(metrics).toMatch(/ingest_events_total\{door="http",result="accepted",app="ingest"\} \d+/);
    expect(metrics).toMatch(/ingest_rejections_total\{door="http",code="unknown_region",app="ingest"\} 100/);
  });
});
