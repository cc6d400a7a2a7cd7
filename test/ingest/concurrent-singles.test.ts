import { Pool } from 'pg';
import { CanonicalEvent, EXAMPLE_EVENTS, HealthEvent } from '@lib/contracts';
import { TOPICS } from '@lib/kafka';
import { AppProcess } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';

/**
 * Hospital systems post one event per request, many at once. Concurrent sends share produce
 * requests (KafkaProducer): every 202 must still mean on the canonical topic, exactly once, each
 * institution's events in the order it sent them; rate limits stay per API key.
 */
describe('HTTP door: many single events at once', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3953, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '100000' });
  const limited = new AppProcess('ingest', 3954, { RAW_DOOR_ENABLED: 'false', INGEST_RATE_LIMIT_PER_MINUTE: '10' });
  /** Institutions of several counties (partitions), with their API keys. */
  const senders: { institutionId: string; county: string; key: string }[] = [];
  const template = EXAMPLE_EVENTS.visit.find((e) => e.action === 'outpatient') as HealthEvent;
  let sequence = 0;

  const visitOf = (institutionId: string, tag: string): HealthEvent => ({
    ...template,
    institutionId,
    eventId: `CONC-${tag}-${Date.now()}-${++sequence}`,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  const post = (app: AppProcess, event: HealthEvent, key: string) =>
    fetch(`${app.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(event),
    });
  const canonicalEvents = async () =>
    (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events)).map((m) => ({ key: m.key, event: JSON.parse(m.value) as CanonicalEvent }));

  beforeAll(async () => {
    const institutions = (await seedRegistry(pool)).filter((i) => i.active);
    const counties = [...new Set(institutions.map((i) => i.county))].slice(0, 4);
    for (const county of counties) {
      for (const institution of institutions.filter((i) => i.county === county).slice(0, 3)) {
        senders.push({ institutionId: institution.id, county, key: await issueApiKey(pool, institution.id) });
      }
    }
    await Promise.all([ingest.start(), limited.start()]);
  });

  afterAll(async () => {
    await Promise.all([ingest.stop(), limited.stop()]);
    await pool.end();
  });

  it('answers a burst of concurrent single events 202 and puts each on the canonical topic exactly once', async () => {
    expect(senders.length).toBeGreaterThanOrEqual(8);
    const burst = Array.from({ length: 400 }, (_, i) => {
      const sender = senders[i % senders.length];
      return { event: visitOf(sender.institutionId, 'burst'), key: sender.key };
    });
    const statuses = await Promise.all(burst.map(async ({ event, key }) => (await post(ingest, event, key)).status));
    expect(statuses.filter((s) => s !== 202)).toEqual([]);

    const sent = new Set(burst.map((b) => b.event.eventId));
    const onTopic = (await canonicalEvents()).filter((m) => sent.has(m.event.eventId));
    expect(onTopic).toHaveLength(burst.length);
    expect(new Set(onTopic.map((m) => m.event.eventId)).size).toBe(burst.length);
    expect(onTopic.every((m) => m.key === m.event.institution.county)).toBe(true);

    // The burst did share produce requests: fewer requests than sends.
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'm').exec(metrics)?.[1]);
    expect(value('kafka_producer_sends_per_request_count')).toBeLessThan(value('kafka_producer_sends_per_request_sum'));
  });

  it('keeps each institution’s events in the order it sent them while all institutions send at once', async () => {
    const perInstitution = 25;
    const sentInOrder = new Map<string, string[]>();
    await Promise.all(
      senders.map(async (sender) => {
        const order: string[] = [];
        sentInOrder.set(sender.institutionId, order);
        for (let i = 0; i < perInstitution; i++) {
          const event = visitOf(sender.institutionId, `order-${i}`);
          const response = await post(ingest, event, sender.key);
          expect(response.status).toBe(202);
          order.push(event.eventId);
        }
      }),
    );

    const sent = new Set([...sentInOrder.values()].flat());
    const onTopic = (await canonicalEvents()).filter((m) => sent.has(m.event.eventId));
    expect(onTopic).toHaveLength(sent.size);
    for (const [institutionId, order] of sentInOrder) {
      expect({ institutionId, order: onTopic.filter((m) => m.event.institutionId === institutionId).map((m) => m.event.eventId) }).toEqual({
        institutionId,
        order,
      });
    }
  });

  it('limits requests per API key, not for everyone: a key over its limit gets 429, another key goes on', async () => {
    const [busy, quiet] = senders;
    const statuses = await Promise.all(Array.from({ length: 15 }, () => post(limited, visitOf(busy.institutionId, 'limit'), busy.key).then((r) => r.status)));
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);

    const refused = await post(limited, visitOf(busy.institutionId, 'limit'), busy.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');

    expect((await post(limited, visitOf(quiet.institutionId, 'limit'), quiet.key)).status).toBe(202);
  });
});
