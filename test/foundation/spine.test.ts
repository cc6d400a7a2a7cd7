import Redis from 'ioredis';
import { Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../support/app-process';
import { testEnvironment } from '../support/test-environment';

/**
 * The spine: an event produced to the real Kafka broker is consumed by the aggregator (a real
 * process), written to PostgreSQL with its offset in one transaction, and cached in Redis. A
 * SIGKILL and restart neither loses nor repeats anything.
 */
describe('spine: Kafka → aggregator → PostgreSQL + Redis', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX });
  const producer = createKafkaClient(env, 'spine-test').producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  const aggregator = new AppProcess('aggregator', 3903);
  const institutionId = `610921-THC-${Date.now() % 100000}`;

  beforeAll(async () => {
    await producer.connect();
    await aggregator.start();
  });

  afterAll(async () => {
    await aggregator.stop();
    await producer.disconnect();
    await pool.end();
    redis.disconnect();
  });

  const ledgerRows = async () =>
    (await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_ledger WHERE institution_id = $1', [institutionId])).rows[0].n;
  const feedRow = async () =>
    (await pool.query<{ events_applied: string }>('SELECT events_applied FROM institution_feeds WHERE institution_id = $1', [institutionId])).rows[0]
      ?.events_applied;

  it('applies each event once, keeps the feed in PostgreSQL and Redis, and survives a SIGKILL', async () => {
    const first = canonicalVisit(institutionId, 'E-1', '2024-03-15T09:30:00+08:00');
    const second = canonicalVisit(institutionId, 'E-2', '2024-03-16T10:00:00+08:00');
    await produce([first, second, first]); // the third is a retried duplicate

    await eventually(ledgerRows, (n) => n === '2');
    expect(await eventually(feedRow, (n) => n === '2')).toBe('2');
    const cached = await eventually(
      () => redis.hgetall(`feed:${institutionId}`),
      (h) => h.eventsApplied === '2',
    );
    expect(cached.lastOccurredAt).toBe(new Date('2024-03-16T10:00:00+08:00').toISOString());

    await aggregator.kill();
    await produce([canonicalVisit(institutionId, 'E-3', '2024-03-17T08:00:00+08:00'), second]);
    await aggregator.start();

    await eventually(ledgerRows, (n) => n === '3');
    expect(await eventually(feedRow, (n) => n === '3')).toBe('3');
    // Nothing the first run applied was applied again from the topic's start.
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_ledger WHERE institution_id = $1', [institutionId]);
    expect(rows[0].n).toBe('3');
  });

  async function produce(events: ReturnType<typeof canonicalVisit>[]) {
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.events,
      acks: -1,
      messages: events.map((event) => ({ key: event.institution.county, value: JSON.stringify(event) })),
    });
  }
});

function canonicalVisit(institutionId: string, eventId: string, occurredAt: string) {
  return {
    eventId,
    version: 1,
    voided: false,
    type: 'visit',
    action: 'outpatient',
    institutionId,
    occurredAt,
    receivedAt: new Date().toISOString(),
    person: { id: 'hmac-sha256:k1:0f0e', residenceRegion: '610921' },
    cost: 120,
    institution: { id: institutionId, county: '610921', type: 'township_health_center', level: 2 },
  };
}
