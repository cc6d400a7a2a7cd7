import Redis from 'ioredis';
import { Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { CLEAR_IDS, freshExamples } from './event-fixtures';

/**
 * Personal ID numbers never leave the ingest door in clear: after events go through both doors and
 * the aggregator, no clear ID number is found in any topic but the raw one, any table, Redis, or
 * the apps' logs (debug level) — including numbers smuggled in identifier fields, a referral's free
 * text and unknown field names — nor any full birth date.
 */
describe('privacy: no clear ID number past the door', () => {
  const env = testEnvironment({ LOG_LEVEL: 'debug' });
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const redis = new Redis(env.REDIS_URL);
  // Where clear IDs could leak, not who signed (kafka-door.test.ts): unsigned raw messages pass the identity check.
  const ingest = new AppProcess('ingest', 3943, { LOG_LEVEL: 'debug', RAW_DOOR_SIGNATURES: 'optional' });
  const aggregator = new AppProcess('aggregator', 3944, { LOG_LEVEL: 'debug' });

  afterAll(async () => {
    await Promise.all([ingest.stop(), aggregator.stop()]);
    await pool.end();
    redis.disconnect();
  });

  it('finds none in topics, tables, Redis or logs', async () => {
    await seedRegistry(pool);
    await Promise.all([ingest.start(), aggregator.start()]);
    const viaHttp = freshExamples();
    const viaKafka = freshExamples();
    const rejected = freshExamples().map((e) => ({ ...e, eventId: `REJ-${e.eventId}`, occurredAt: '2099-01-01T00:00:00+08:00' }));
    // A number that is nobody's person.id in these events, smuggled where identifiers and free text go.
    const smuggled = '610921197705050013';
    const smuggling = freshExamples().flatMap((e) => [
      { ...e, eventId: `${smuggled}` },
      { ...e, eventId: `SMG-${e.eventId}`, [`note_${smuggled}`]: true },
      ...(e.type === 'referral' ? [{ ...e, eventId: `SMG2-${e.eventId}`, referralId: `R-${smuggled}` }] : []),
      ...(e.type === 'family_doctor' ? [{ ...e, eventId: `SMG2-${e.eventId}`, teamId: smuggled }] : []),
    ]);
    for (const event of viaHttp) if (event.type === 'referral') event.reason = `Zhang San ${smuggled}, born 1977-05-05`;
    rejected.push(...(smuggling as typeof rejected));
    const clearIds = [...CLEAR_IDS([...viaHttp, ...viaKafka]), smuggled];
    const birthDates = [...new Set([...viaHttp, ...viaKafka].map((e) => e.person?.birthDate).filter((d): d is string => !!d))];
    expect(clearIds.length).toBeGreaterThan(3);

    for (const event of [...viaHttp, ...rejected]) {
      const key = await issueApiKey(pool, event.institutionId);
      await fetch(`${ingest.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(event),
      });
    }
    const producer = createKafkaClient(env, 'privacy-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw,
      messages: [...viaKafka, ...rejected].map((e) => ({ key: e.institutionId, value: JSON.stringify(e) })),
    });
    await producer.disconnect();

    const everyEventId = [...viaHttp, ...viaKafka].map((e) => e.eventId);
    await eventually(
      async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_ledger WHERE event_id = ANY($1)', [everyEventId])).rows[0].n,
      (n) => n === everyEventId.length,
    );

    const haystacks: Record<string, string> = {};
    for (const topic of Object.values(TOPICS).filter((t) => t !== TOPICS.eventsRaw)) {
      haystacks[`topic ${topic}`] = (await readTopic(env, env.KAFKA_TOPIC_PREFIX + topic)).map((m) => `${m.key} ${m.value}`).join('\n');
    }
    const tables = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    for (const { table_name } of tables.rows) {
      const { rows } = await pool.query<{ dump: string | null }>(`SELECT string_agg(t::text, E'\\n') AS dump FROM "${table_name}" t`);
      haystacks[`table ${table_name}`] = rows[0].dump ?? '';
    }
    haystacks.redis = await dumpRedis(redis, env.REDIS_KEY_PREFIX);
    haystacks['ingest log'] = ingest.logs;
    haystacks['aggregator log'] = aggregator.logs;

    expect(haystacks['table event_ledger']).toContain('hmac-sha256:k1:'); // the scan sees the data it should
    const leaks = Object.entries(haystacks).flatMap(([where, text]) => clearIds.filter((id) => text.includes(id)).map((id) => `${where}: ${id.slice(0, 6)}…`));
    expect(leaks).toEqual([]);
    const birthDateLeaks = Object.entries(haystacks)
      .filter(([where]) => where.startsWith('topic') || where.startsWith('table'))
      .flatMap(([where, text]) => birthDates.filter((date) => text.includes(date)).map((date) => `${where}: ${date}`));
    expect(birthDateLeaks).toEqual([]);
    expect(haystacks['table event_ledger']).toContain('birthYearMonth');
  });
});

async function dumpRedis(redis: Redis, prefix: string): Promise<string> {
  const lines: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === 'hash'
          ? await redis.hgetall(key)
          : type === 'string'
            ? await redis.get(key)
            : type === 'zset'
              ? await redis.zrange(key, 0, -1, 'WITHSCORES')
              : type === 'set'
                ? await redis.smembers(key)
                : type === 'list'
                  ? await redis.lrange(key, 0, -1)
                  : type === 'stream'
                    ? await redis.xrange(key, '-', '+')
                    : null;
      lines.push(`${key} ${JSON.stringify(value)}`);
    }
  } while (cursor !== '0');
  return lines.join('\n');
}
