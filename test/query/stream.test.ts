import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import type { IndicatorChangeMessage } from '@lib/indicator-readings';
import { AppProcess, eventually, sleep } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { SseClient } from '../support/sse-client';
import { testEnvironment } from '../support/test-environment';

/** GET /v1/stream pushes changed values in the caller's scope, and only there. */
describe('live stream (SSE)', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const query = new AppProcess('query', 3952);
  let producer: Producer;

  beforeAll(async () => {
    await seedRegistry(pool);
    producer = createKafkaClient(env, 'stream-test').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await query.start();
  });

  afterAll(async () => {
    await query.stop();
    await producer.disconnect();
    await pool.end();
  });

  it('pushes a committed change to the city, not to another county', async () => {
    const city = await SseClient.open(`${query.url}/v1/stream?token=${await issueBureauToken(pool, '610900')}`);
    const otherCounty = await SseClient.open(`${query.url}/v1/stream?token=${await issueBureauToken(pool, '610902')}`);
    expect([city.status, otherCounty.status]).toEqual([200, 200]);
    await sleep(3000); // the stream's consumer starts at the newest message: let it join first

    await pool.query(
      `INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value) VALUES
       ('county_visit_rate', 'county', '610921', '', 'numerator', '202611', 9),
       ('county_visit_rate', 'county', '610921', '', 'denominator', '202611', 10)`,
    );
    const change: IndicatorChangeMessage = { indicator: 'county_visit_rate', level: 'county', region: '610921', dims: '', periods: { '202611': { numerator: 9, denominator: 10 } }, asOf: new Date().toISOString() };
    await producer.send({ topic: env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges, messages: [{ key: '610921', value: JSON.stringify(change) }] });

    const [pushed] = await eventually(async () => city.events.filter((e) => e.type === 'value'), (events) => events.length > 0, 10_000);
    expect(pushed.data).toMatchObject({ indicator: 'county_visit_rate', region: '610921', period: '202611', numerator: 9, denominator: 10, value: 0.9 });
    expect(otherCounty.events.filter((e) => e.type === 'value')).toEqual([]);
    city.close();
    otherCounty.close();
  });

  it('refuses a stream of another county', async () => {
    const county = await SseClient.open(`${query.url}/v1/stream?region=610902&token=${await issueBureauToken(pool, '610921')}`);
    expect(county.status).toBe(403);
  });
});
