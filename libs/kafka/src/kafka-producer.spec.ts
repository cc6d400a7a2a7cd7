import type { Kafka, ProducerBatch } from 'kafkajs';
import { KafkaProducer, MAX_REQUEST_BYTES } from './kafka-producer';

/** A kafkajs producer whose produce requests the test answers one by one. */
class FakeProducer {
  readonly events = { DISCONNECT: 'producer.disconnect' };
  readonly requests: Array<{ batch: ProducerBatch; answer(error?: Error): void }> = [];
  disconnected = false;
  on() {}
  async connect() {}
  disconnect() {
    this.disconnected = true;
    return Promise.resolve();
  }
  sendBatch(batch: ProducerBatch): Promise<void> {
    return new Promise((resolve, reject) => this.requests.push({ batch, answer: (error) => (error ? reject(error) : resolve()) }));
  }
}

function fakeKafka() {
  const producers: FakeProducer[] = [];
  const kafka = {
    producer: (config: unknown) => {
      const producer = new FakeProducer();
      producers.push(producer);
      (producer as unknown as { config: unknown }).config = config;
      return producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

/** Lets the producer's timers and promise chains run until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never reached');
}

const keys = (batch: ProducerBatch) => batch.topicMessages!.map((t) => ({ topic: t.topic, keys: t.messages.map((m) => String(m.key)) }));
const message = (key: string, value: unknown = { key }) => ({ key, value });

describe('KafkaProducer', () => {
  it('is idempotent, with acks from all in-sync replicas', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = new KafkaProducer(kafka, { lingerMs: 0 });
    const sent = producer.send('t', [message('k')]);
    await until(() => producers[0].requests.length === 1);
    expect((producers[0] as unknown as { config: unknown }).config).toMatchObject({ idempotent: true, maxInFlightRequests: 1 });
    expect(producers[0].requests[0].batch).toMatchObject({ acks: -1 });
    producers[0].requests[0].answer();
    await sent;
  });

  it('puts concurrent sends in one produce request, in send order per key and per topic', async () => {
    const { kafka, producers } = fakeKafka();
    const observed: number[] = [];
    const producer = new KafkaProducer(kafka, { lingerMs: 0, observeRequest: (sends) => observed.push(sends) });
    const sends = [
      producer.send('events', [message('610921'), message('610902')]),
      producer.send('dlq', [message('x')]),
      producer.send('events', [message('610921', { second: true })]),
    ];
    await until(() => producers[0].requests.length === 1);
    const [request] = producers[0].requests;
    expect(keys(request.batch)).toEqual([
      { topic: 'events', keys: ['610921', '610902', '610921'] },
      { topic: 'dlq', keys: ['x'] },
    ]);
    expect(JSON.parse(String(request.batch.topicMessages![0].messages[2].value))).toEqual({ second: true });
    request.answer();
    await Promise.all(sends);
    expect(observed).toEqual([3]);
  });

  it('keeps one request in flight and sends what arrived meanwhile in the next, after it', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = new KafkaProducer(kafka, { lingerMs: 0 });
    const settled: string[] = [];
    const track = (name: string, sending: Promise<void>) => sending.then(() => settled.push(name));
    const first = track('first', producer.send('t', [message('k', 1)]));
    await until(() => producers[0].requests.length === 1);
    const later = [track('second', producer.send('t', [message('k', 2)])), track('third', producer.send('t', [message('k', 3)]))];
    await new Promise((resolve) => setImmediate(resolve));
    expect(producers[0].requests).toHaveLength(1); // nothing overtakes the request in flight
    expect(settled).toEqual([]);
    producers[0].requests[0].answer();
    await first;
    await until(() => producers[0].requests.length === 2);
    expect(producers[0].requests[1].batch.topicMessages![0].messages.map((m) => Number(m.value))).toEqual([2, 3]);
    expect(settled).toEqual(['first']);
    producers[0].requests[1].answer();
    await Promise.all(later);
    expect(settled).toEqual(['first', 'second', 'third']);
  });

  it('fails exactly the sends of a failed request, each with the broker’s error, then carries on with a new producer', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = new KafkaProducer(kafka, { lingerMs: 0 });
    const first = producer.send('t', [message('a')]);
    await until(() => producers[0].requests.length === 1);
    const failing = [producer.send('t', [message('b')]), producer.send('t', [message('c')])];
    producers[0].requests[0].answer();
    await first;
    await until(() => producers[0].requests.length === 2);
    const notEnoughReplicas = new Error('NOT_ENOUGH_REPLICAS');
    const afterFailure = producer.send('t', [message('d')]);
    producers[0].requests[1].answer(notEnoughReplicas);
    expect(await Promise.allSettled(failing)).toEqual([
      { status: 'rejected', reason: notEnoughReplicas },
      { status: 'rejected', reason: notEnoughReplicas },
    ]);
    // The failed request may have landed: its producer id is abandoned (see replaceProducer).
    await until(() => producers.length === 2 && producers[1].requests.length === 1);
    expect(producers[0].disconnected).toBe(true);
    expect(keys(producers[1].requests[0].batch)).toEqual([{ topic: 't', keys: ['d'] }]);
    producers[1].requests[0].answer();
    await expect(afterFailure).resolves.toBeUndefined();
  });

  it('splits requests at ~512 KB: concurrent sends across requests, one large send in order over several', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = new KafkaProducer(kafka, { lingerMs: 0 });
    const quarter = 'x'.repeat(MAX_REQUEST_BYTES / 4);
    const large = Array.from({ length: 6 }, (_, i) => message(`big-${i}`, quarter));
    const sends = [producer.send('t', [message('s1', quarter), message('s2', quarter)]), producer.send('t', large), producer.send('t', [message('s3')])];
    const answered = (count: number) => until(() => producers[0].requests.length === count).then(() => producers[0].requests[count - 1].answer());
    await answered(1);
    await answered(2);
    await answered(3);
    await answered(4);
    await Promise.all(sends);
    const sizes = producers[0].requests.map((r) =>
      r.batch.topicMessages!.reduce((bytes, t) => bytes + t.messages.reduce((b, m) => b + String(m.value).length, 0), 0),
    );
    expect(sizes.every((bytes) => bytes <= MAX_REQUEST_BYTES)).toBe(true);
    expect(producers[0].requests.map((r) => keys(r.batch)[0].keys)).toEqual([['s1', 's2'], ['big-0', 'big-1', 'big-2'], ['big-3', 'big-4', 'big-5'], ['s3']]);
  });

  it('waits out the sends in progress before disconnecting at shutdown', async () => {
    const { kafka, producers } = fakeKafka();
    const producer = new KafkaProducer(kafka, { lingerMs: 0 });
    const sent = producer.send('t', [message('k')]);
    await until(() => producers[0].requests.length === 1);
    const shutdown = producer.onApplicationShutdown();
    await new Promise((resolve) => setImmediate(resolve));
    expect(producers[0].disconnected).toBe(false);
    producers[0].requests[0].answer();
    await Promise.all([sent, shutdown]);
    expect(producers[0].disconnected).toBe(true);
  });
});
