import { Partitioners } from 'kafkajs';
import { createKafkaClient, KafkaPrincipal, TOPICS } from '@lib/kafka';
import { localKafkaCredentials } from '../../tools/lib/local-kafka-credentials';
import { testEnvironment } from '../support/test-environment';

/**
 * The broker is the first door: each principal writes only the topics KAFKA_ACCESS grants it
 * (provisioned for this file's topic prefix by test/setup/isolation.ts). Writing the canonical topic
 * would skip validation and pseudonymisation, so only ingest may.
 */
describe('Kafka principals and ACLs', () => {
  const env = testEnvironment();
  const canonical = env.KAFKA_TOPIC_PREFIX + TOPICS.events;
  const raw = env.KAFKA_TOPIC_PREFIX + TOPICS.eventsRaw;
  const changes = env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges;

  beforeAll(() => {
    // Without the local broker's credentials file this file would test a broker with no ACLs at all.
    expect(localKafkaCredentials('integrator').KAFKA_SASL_USERNAME).toBe('integrator');
  });

  /** What the broker answers to one write by `principal` (its error type, or 'written'). */
  async function write(principal: KafkaPrincipal, topic: string, password?: string): Promise<string> {
    const credentials = localKafkaCredentials(principal);
    const kafka = createKafkaClient({ ...env, ...credentials, ...(password ? { KAFKA_SASL_PASSWORD: password } : {}) }, `acl-test-${principal}`);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 0 } });
    try {
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'acl-test', value: '{"forged":true}' }] });
      return 'written';
    } catch (error) {
      return errorType(error);
    } finally {
      await producer.disconnect();
    }
  }

  it('refuses a write to the canonical topic by any principal but ingest (TOPIC_AUTHORIZATION_FAILED)', async () => {
    expect(await write('integrator', canonical)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await write('aggregator', canonical)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await write('query', canonical)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await write('ingest', canonical)).toBe('written');
  });

  it('lets integrators write the raw topic only, and only the aggregator the change feed', async () => {
    expect(await write('integrator', raw)).toBe('written');
    expect(await write('integrator', changes)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await write('ingest', changes)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await write('aggregator', changes)).toBe('written');
  });

  it('refuses a client with a wrong password before any request', async () => {
    expect(await write('ingest', canonical, 'not-the-password-of-ingest-000000')).toMatch(/SASL|AUTHENTICATION/i);
  });
});

/** The broker's error code under kafkajs's wrappers (retries, aggregates), else the error's name. */
function errorType(error: unknown): string {
  const seen: unknown[] = [];
  const visit = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object' || seen.includes(e)) return undefined;
    seen.push(e);
    const { type, cause, errors } = e as { type?: string; cause?: unknown; errors?: unknown[] };
    if (type) return type;
    return visit(cause) ?? (errors ?? []).map(visit).find(Boolean);
  };
  return visit(error) ?? `${(error as Error).name}: ${(error as Error).message}`;
}
