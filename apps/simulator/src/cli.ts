import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { HealthEvent } from '@lib/contracts';
import { createKafkaClient, KafkaProducer, TOPICS } from '@lib/kafka';
import { cstDate, DAY_MS } from './feed/cst-time';
import { epidemicHistory } from './feed/epidemic-feed';
import { FeedGenerator } from './feed/feed-generator';
import { parseScenario } from './feed/feed-scenario';
import { backfillInstant, backfillOptions, liveOptions, type BackfillRange } from './feed/feed-timeline';
import { addTally, emptyTally, SinkNotReadyError, type EventSink } from './sinks/event-sink';
import { FileSink } from './sinks/file-sink';
import { HttpSink } from './sinks/http-sink';
import { KafkaSink } from './sinks/kafka-sink';

/**
 * The feed from the command line, for benchmarks and replays:
 *   node dist/apps/simulator/src/cli.js --count 100000 --sink file --out x.ndjson --seed 7 \
 *     --mode backfill --from 2026-01-01 --to 2026-11-20
 *   node dist/apps/simulator/src/cli.js --duration 60 --rate 200 --sink http   (live, paced)
 * Prints one JSON line with the counts and the rates (generation and delivery) at the end.
 *   node dist/apps/simulator/src/cli.js --epidemic-history 3 --out history.ndjson
 * writes the epidemic feed's last three years up to yesterday (every county's report cards and sentinel
 * counts) for the bulk import (`tools/import-events`, docs/surveillance.md), and exits.
 */
const USAGE = `options: --count N | --duration SECONDS, --sink file|http|kafka, --out FILE, --seed S, --mode live|backfill,
  --from YYYY-MM-DD --to YYYY-MM-DD (backfill; to defaults to now), --rate EVENTS_PER_S (live pacing; 0 = as fast as possible),
  --scenario steady|county-decline:<county>[:<days>]|measles-cluster:<county>[:<days>], --scale POPULATION_SCALE, --batch N, --ingest-url URL,
  --credentials FILE, --brokers host:port, --topic-prefix P, --concurrency N;
  --epidemic-history YEARS --out FILE: the epidemic feed's past YEARS years (to yesterday) as NDJSON for the bulk import`;

const { values: args } = parseArgs({
  options: {
    count: { type: 'string' },
    duration: { type: 'string' },
    sink: { type: 'string', default: 'file' },
    out: { type: 'string', default: 'simulator-feed.ndjson' },
    seed: { type: 'string', default: '7' },
    mode: { type: 'string', default: 'backfill' },
    from: { type: 'string' },
    to: { type: 'string' },
    rate: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'steady' },
    scale: { type: 'string', default: '0.01' },
    batch: { type: 'string', default: '500' },
    'ingest-url': { type: 'string', default: process.env.SIMULATOR_INGEST_URL ?? 'http://127.0.0.1:3001' },
    credentials: { type: 'string', default: process.env.SIMULATOR_CREDENTIALS_FILE ?? '.local/demo-credentials.json' },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
    'topic-prefix': { type: 'string', default: process.env.KAFKA_TOPIC_PREFIX ?? '' },
    concurrency: { type: 'string', default: '4' },
    'epidemic-history': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const number = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (text === undefined || !Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number`);
  return n;
};

function makeSink(batch: number): EventSink {
  switch (args.sink) {
    case 'file':
      return new FileSink(args.out, { truncate: true });
    case 'http':
      return new HttpSink({
        ingestUrl: args['ingest-url'],
        credentialsFile: args.credentials,
        batchSize: batch,
        concurrency: number('concurrency', args.concurrency),
      });
    case 'kafka': {
      const kafka = createKafkaClient({ ...process.env, KAFKA_BROKERS: args.brokers }, 'simulator-cli');
      const producer = new KafkaProducer(kafka);
      return new KafkaSink(producer, `${args['topic-prefix']}${TOPICS.eventsRaw}`, batch, args.credentials, () => producer.onApplicationShutdown());
    }
    default:
      fail(`unknown sink ${args.sink}`);
  }
}

async function main(): Promise<void> {
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const now = Date.now();
  if (args['epidemic-history'] !== undefined) return writeEpidemicHistory(number('epidemic-history', args['epidemic-history']), now);
  const rate = number('rate', args.rate);
  const batch = number('batch', args.batch);
  const scenario = parseScenario(args.scenario);
  const populationScale = number('scale', args.scale);
  const count =
    args.count !== undefined
      ? number('count', args.count)
      : args.duration !== undefined && rate > 0
        ? Math.round(number('duration', args.duration) * rate)
        : fail('give --count, or --duration with --rate');

  let generator: FeedGenerator;
  let instant: (i: number) => number;
  if (args.mode === 'backfill') {
    const range: BackfillRange = {
      fromMs: args.from ? Date.parse(`${args.from}T00:00:00+08:00`) : now - 30 * DAY_MS,
      toMs: args.to ? Math.min(now, Date.parse(`${args.to}T23:59:59+08:00`)) : now,
      nowMs: now,
    };
    generator = new FeedGenerator(backfillOptions(args.seed, range, { populationScale, scenario }));
    instant = (i) => backfillInstant(range, i, count);
  } else if (args.mode === 'live') {
    generator = new FeedGenerator(liveOptions(args.seed, now, { streamId: `${args.seed}-${now.toString(36)}`, populationScale, scenario }));
    instant = () => Date.now();
  } else fail(`unknown mode ${args.mode}`);

  const sink = makeSink(batch);
  const tally = emptyTally();
  let generationMs = 0;
  const started = Date.now();
  for (let i = 0; i < count;) {
    const size = Math.min(batch, count - i);
    if (rate > 0) {
      // Paced: the i-th event is due at start + i / rate.
      const wait = started + (i * 1000) / rate - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const t0 = performance.now();
    const events: HealthEvent[] = [];
    for (let k = 0; k < size; k++) events.push(generator.next(instant(i + k)));
    generationMs += performance.now() - t0;
    try {
      addTally(tally, await sink.send(events));
      i += size;
    } catch (error) {
      if (!(error instanceof SinkNotReadyError)) throw error;
      process.stderr.write(`waiting: ${error.message}\n`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  await sink.close();
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      ...tally,
      sink: args.sink,
      mode: args.mode,
      seconds,
      eventsPerSecond: Math.round(count / seconds),
      generationEventsPerSecond: Math.round(count / (generationMs / 1000)),
      ...(args.sink === 'file' && { out: args.out }),
    })}\n`,
  );
}

/**
 * The baseline history an operator loads before the detectors' moving percentile can judge: whole
 * years before yesterday and the two weeks either side of the first, so the earliest baseline window is
 * covered; the same seed makes the same days the live epidemic feed makes.
 */
async function writeEpidemicHistory(years: number, now: number): Promise<void> {
  const to = cstDate(now - DAY_MS);
  const from = cstDate(now - Math.round(years * 365.25 + 21) * DAY_MS);
  const sink = new FileSink(args.out, { truncate: true });
  const tally = emptyTally();
  let batch: HealthEvent[] = [];
  for (const { event } of epidemicHistory({ seed: args.seed, streamId: `${args.seed}-history` }, from, to)) {
    batch.push(event);
    if (batch.length < 1000) continue;
    addTally(tally, await sink.send(batch));
    batch = [];
  }
  addTally(tally, await sink.send(batch));
  await sink.close();
  process.stdout.write(`${JSON.stringify({ from, to, events: tally.sent, out: args.out })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
