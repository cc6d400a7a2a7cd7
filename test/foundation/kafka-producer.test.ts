import { createKafkaClient, KafkaProducer, TOPICS } from '@lib/kafka';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';

/**
 * The project's producer against the real broker: sends made at the same time share produce
 * requests, and still every message lands once, each key's messages in the order of the sends.
 */
describe('KafkaProducer on the broker', () => {
  const env = testEnvironment();
  const topic = env.KAFKA_TOPIC_PREFIX + TOPICS.events;
  const requests: number[] = [];
  const producer = new KafkaProducer(createKafkaClient(env, 'producer-test'), { lingerMs: 1, observeRequest: (sends) => requests.push(sends) });

  afterAll(() => producer.onApplicationShutdown());

  it('shares requests between concurrent sends, each key in send order, each message once', async () => {
    const keys = ['610902', '610921', '610922', '610923', '610924', '610925'];
    const sends = Array.from({ length: 600 }, (_, i) => {
      const key = keys[i % keys.length];
      return { key, value: { key, n: Math.floor(i / keys.length) } };
    });
    await Promise.all(sends.map((message) => producer.send(topic, [message])));

    expect(requests.reduce((a, b) => a + b, 0)).toBe(sends.length);
    expect(requests.length).toBeLessThan(sends.length);
    const received = (await readTopic(env, topic)).map((m) => ({ key: m.key, value: JSON.parse(m.value) as { key: string; n: number } }));
    expect(received).toHaveLength(sends.length);
    for (const key of keys) {
      const ns = received.filter((m) => m.key === key).map((m) => m.value.n);
      expect({ key, ns }).toEqual({ key, ns: [...Array(sends.length / keys.length).keys()] });
    }
  });
});
