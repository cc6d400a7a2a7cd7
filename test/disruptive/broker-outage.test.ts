import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { TOPICS } from '@lib/kafka';
import { AppProcess, sleep } from '../support/app-process';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';
import { readTopic } from '../support/topic-reader';
import { freshExamples } from '../ingest/event-fixtures';

const kafkaScript = path.resolve(__dirname, '../../deploy/local/kafka.sh');
const kafka = (command: 'start' | 'stop') => promisify(execFile)('bash', [kafkaScript, command]);

/**
 * The broker stopped mid-load: ingest answers 503 while it cannot make events durable, and every
 * event it answered 202 is on the canonical topic once the broker is back.
 */
describe('broker outage under load', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const ingest = new AppProcess('ingest', 3945, { RAW_DOOR_ENABLED: 'false' });

  afterAll(async () => {
    await kafka('start');
    await ingest.stop();
    await pool.end();
  });

  it('loses no accepted event', async () => {
    await seedRegistry(pool);
    const template = freshExamples()[0];
    const key = await issueApiKey(pool, template.institutionId);
    await ingest.start();

    const accepted: string[] = [];
    const answers: Record<string, number> = {};
    let phase = 'before' as 'before' | 'outage' | 'after';
    const acceptedAfterRestart = () => accepted.length - acceptedBeforeRestart;
    let acceptedBeforeRestart = 0;
    let batch = 0;

    const load = (async () => {
      while (phase !== 'after' || acceptedAfterRestart() < 200) {
        const events = Array.from({ length: 20 }, (_, i) => ({ ...template, eventId: `OUTAGE-${env.KAFKA_TOPIC_PREFIX}${batch}-${i}` }));
        batch += 1;
        // An answer belongs to the phase its request was sent in: during the outage a request waits
        // out the producer's retries and may only be answered (503) after the broker is back.
        const sentIn = phase;
        const response = await fetch(`${ingest.url}/v1/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ events }),
          signal: AbortSignal.timeout(30_000),
        }).catch(() => undefined);
        const status = response?.status ?? 0;
        answers[`${sentIn} ${status}`] = (answers[`${sentIn} ${status}`] ?? 0) + 1;
        if (status === 202) {
          const body = (await response!.json()) as { results: { eventId: string; status: string }[] };
          accepted.push(...body.results.filter((r) => r.status === 'accepted').map((r) => r.eventId));
        }
        if (batch > 5000) throw new Error('load did not settle');
      }
    })();

    await sleep(2000);
    phase = 'outage';
    await kafka('stop');
    await sleep(6000);
    acceptedBeforeRestart = accepted.length;
    await kafka('start');
    phase = 'after';
    await load;

    const onTopic = new Set((await readTopic(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events)).map((m) => (JSON.parse(m.value) as { eventId: string }).eventId));
    const missing = accepted.filter((eventId) => !onTopic.has(eventId));
    process.stdout.write(`broker outage: answers ${JSON.stringify(answers)}; accepted ${accepted.length}; missing ${missing.length}\n`);
    expect(answers['outage 503']).toBeGreaterThan(0); // the broker was away: some requests could not be made durable
    expect(Object.keys(answers).filter((k) => !/ (202|503)$/.test(k))).toEqual([]);
    expect(missing).toEqual([]);
  });
});
