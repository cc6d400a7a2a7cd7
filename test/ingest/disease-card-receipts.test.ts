import { Pool } from 'pg';
import { CanonicalEvent, DiseaseReportEvent, HealthEvent } from '@lib/contracts';
import { TOPICS } from '@lib/kafka';
import { AppProcess, eventually } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from './event-fixtures';

/**
 * Reporting timeliness is judged on the door's receipt of a card's first version: a revision sent
 * later carries that receipt (`firstReceivedAt`) on the canonical topic, whichever version it is.
 */
describe('HTTP door: a disease card revision carries its first receipt', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3983, { RAW_DOOR_ENABLED: 'false' });
  let key: string;
  const card = freshExamples().find((e): e is DiseaseReportEvent => e.type === 'disease_report' && e.action === 'reported')!;

  const post = (event: HealthEvent) =>
    fetch(`${ingest.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(event),
    });
  const canonical = async (version: number) => {
    const messages = await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events);
    return messages.map((m) => JSON.parse(m.value) as CanonicalEvent).find((e) => e.eventId === card.eventId && e.version === version);
  };

  beforeAll(async () => {
    await seedRegistry(pool);
    key = await issueApiKey(pool, card.institutionId);
    await ingest.start();
  });

  afterAll(async () => {
    await ingest.stop();
    await pool.end();
  });

  it('stamps versions 2 and 3 with the receipt of version 1, and not version 1 itself', async () => {
    expect((await post(card)).status).toBe(202);
    const first = (await eventually(() => canonical(1), Boolean))!;
    expect(first.firstReceivedAt).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20)); // a later receipt, even on a fast machine
    expect((await post({ ...card, version: 2, action: 'revised', classification: 'confirmed' })).status).toBe(202);
    const { eventId, institutionId, occurredAt } = card;
    expect((await post({ eventId, institutionId, occurredAt, version: 3, voided: false, type: 'disease_report', action: 'deleted' })).status).toBe(202);
    const second = (await eventually(() => canonical(2), Boolean))!;
    const third = (await eventually(() => canonical(3), Boolean))!;
    expect(second.receivedAt > first.receivedAt).toBe(true);
    expect(second.firstReceivedAt).toBe(first.receivedAt);
    expect(third.firstReceivedAt).toBe(first.receivedAt);
  });

  it('leaves a first-seen revision (its first version never reached the door) on its own receipt', async () => {
    const orphan = { ...card, eventId: `${card.eventId}-orphan`, version: 2, action: 'revised' as const };
    expect((await post(orphan)).status).toBe(202);
    const read = async () =>
      (await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events))
        .map((m) => JSON.parse(m.value) as CanonicalEvent)
        .find((e) => e.eventId === orphan.eventId);
    const event = (await eventually(read, Boolean))!;
    expect(event.firstReceivedAt).toBeUndefined();
  });
});
