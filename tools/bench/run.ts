/**
 * `npm run bench [-- --quick]`: the project's figures, each beside a baseline measured in the same
 * run on the same machine, written to bench/results/latest.md and latest.json. Nothing here is a
 * pass/fail test: the project's targets are printed beside the figures, never asserted.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import type { CanonicalEvent, HealthEvent } from '@lib/contracts';
import { CATALOGUE, CompiledCatalogue, DECLARATIVE_ENGINE } from '@lib/indicators';
import { TOPICS } from '@lib/kafka';
import { AppProcess } from '../lib/app-process';
import { issueBureauToken } from '../lib/bureau-fixture';
import { issueApiKey, seedRegistry } from '../lib/registry-fixture';
import { benchEnvironment, prepareBenchEnvironment, removeBenchLeftovers } from './bench-environment';
import { canonicalEvents, rawEvents } from './bench-events';
import { AggregationResult, aggregationThroughput, restartAfterKill } from './measure/aggregation';
import { batchRecompute } from './measure/batch-recompute';
import { canonicalTopicApplied, fileMiB, postBatches, runImportCli, writeNdjson } from './measure/bulk-import';
import { countingPipeline, differingCounters } from './measure/counting-pipeline';
import { freshness } from './measure/freshness';
import { batchThroughput, singleEventLatency } from './measure/http-ingest';
import { closedLoop } from './measure/closed-loop';
import { cpuSeconds } from './measure/process-cpu';
import { produceAll, rawConsumeRate } from './measure/kafka-baselines';
import { ledgerVersusCopy } from './measure/ledger-vs-copy';
import { nestTransportRate } from './measure/nest-transport';
import { queryLatency } from './measure/query-latency';
import { withServerLatency } from './measure/server-latency';
import { streamFanout } from './measure/stream-fanout';
import { BenchReport, currentCommit, Figure, machineInfo, writeReport } from './report';
import { visitHistory } from '../lib/visit-history';

const ROOT = path.resolve(__dirname, '../../..');
const QUICK = process.argv.includes('--quick');
/** `--only=aggregation,live`: run some sections (named after their functions without "Section"). */
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const SIZES = QUICK
  ? {
      aggregate: 100_000,
      counting: 50_000,
      restartAt: 30_000,
      scaleOut: 50_000,
      ledger: 50_000,
      rebuild: 100_000,
      httpSeconds: 10,
      latencySeconds: 10,
      probes: 20,
      memoryRun: 0,
    }
  : // The issue asks for memory over 5M events; at today's aggregation rate that alone takes ~40 min,
    // so the full run defaults to 2M to stay under 30 min (BENCH_MEMORY_EVENTS=5000000 for the 5M run).
    {
      aggregate: 1_000_000,
      counting: 200_000,
      restartAt: 1_000_000,
      scaleOut: 500_000,
      ledger: 200_000,
      rebuild: 1_000_000,
      httpSeconds: 30,
      latencySeconds: 30,
      probes: 50,
      memoryRun: Number(process.env.BENCH_MEMORY_EVENTS ?? 2_000_000),
    };

const figures: Figure[] = [];
/** The route of the values reads the query sections time, as the query app's request histogram names it. */
const VALUES_ROUTE = '/v1/indicators/:code/values';
const ms = (value: number) => `${value.toFixed(1)} ms`;
const notes: string[] = [];
const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);
const keyed = function* (events: Iterable<CanonicalEvent>) {
  for (const event of events) yield { key: event.institution.county, value: JSON.stringify(event) };
};

async function aggregationSection(run: string) {
  const env = benchEnvironment(`${run}-backfill`);
  await prepareBenchEnvironment(env);
  const topic = env.KAFKA_TOPIC_PREFIX + TOPICS.events;
  log(`producing ${SIZES.aggregate.toLocaleString()} canonical events (simulator feed, validated and pseudonymised)`);
  const produced = await produceAll(env, topic, keyed(canonicalEvents(SIZES.aggregate)));
  figures.push({ section: 'kafka', name: 'raw idempotent producer (acks=all)', value: produced.perSecond, unit: 'events/s' });
  log('baseline: bare kafkajs consumer');
  const raw = await rawConsumeRate(env, topic, produced.count);
  log("Nest's Kafka transport (one message per handler call)");
  const nest = await nestTransportRate(env, topic, produced.count);
  figures.push({
    section: 'kafka',
    name: 'Nest Kafka transport, empty handler (eachMessage)',
    value: nest,
    unit: 'events/s',
    baseline: { name: 'bare kafkajs eachBatch', value: raw },
    notes: 'why the aggregator consumes with eachBatch in a Nest provider instead',
  });
  log('aggregator, exactly-once to PostgreSQL');
  const aggregation = await aggregationThroughput(env, 3803, produced.count);
  figures.push({
    section: 'aggregation',
    name: `exactly-once aggregation of ${produced.count.toLocaleString()} events, year-long backfill`,
    value: aggregation.eventsPerSecond,
    unit: 'events/s',
    baseline: { name: 'bare kafkajs consumer, same topic', value: raw },
    target: '≥ 25,000 events/s, faster than the batch SQL recompute',
  });
  pushCpuPerEvent('year-long backfill', aggregation, produced.count);
  figures.push({
    section: 'aggregation',
    name: 'aggregator peak resident memory',
    value: aggregation.memory.peak,
    unit: 'MiB',
    target: 'flat, < 300 MB',
    notes: `first sample ${Math.round(aggregation.memory.first)} MiB, last ${Math.round(aggregation.memory.last)} MiB over ${Math.round(aggregation.seconds)} s`,
  });

  /** The same topic aggregated again with `settings`, in a database, consumer group and Redis prefix of its own. */
  const aggregateAgain = async (name: string, settings: Record<string, string>, port: number) => {
    log(`the same topic, ${name}: ${JSON.stringify(settings)}`);
    const slug = name.replace(/\W+/g, '_');
    const again = benchEnvironment(`${run}-backfill`, {
      ...settings,
      DATABASE_URL: `${env.DATABASE_URL}_${slug}`,
      KAFKA_GROUP_PREFIX: `bench-${run}-${slug}`,
      REDIS_KEY_PREFIX: `bench-${run}-${slug}:`,
    });
    await prepareBenchEnvironment(again);
    return aggregationThroughput(again, port, produced.count);
  };

  const serial = await aggregateAgain('one lane', { AGGREGATOR_TRANSACTION_LANES: '1' }, 3806);
  figures.push({
    section: 'aggregation',
    name: `exactly-once aggregation of ${produced.count.toLocaleString()} events, ${env.AGGREGATOR_TRANSACTION_LANES ?? 2} transaction lanes`,
    value: aggregation.eventsPerSecond,
    unit: 'events/s',
    baseline: { name: 'one lane, same events', value: serial.eventsPerSecond },
    notes: 'the second run over a topic is ~8% faster whatever it runs (measured with the order swapped)',
  });

  const keyNamed = await aggregateAgain('counters named by key', { AGGREGATOR_COUNTER_IDS_CACHED: '0' }, 3808);
  const byId = cpuPerEvent(aggregation, produced.count);
  const byKeyCpu = cpuPerEvent(keyNamed, produced.count);
  figures.push({
    section: 'aggregation',
    name: 'CPU per event, year-long backfill, counter changes named by id where known',
    value: byId.total,
    unit: 'µs/event',
    baseline: { name: 'every change named by key, same events', value: byKeyCpu.total },
    notes:
      `aggregator ${byId.aggregator.toFixed(0)} against ${byKeyCpu.aggregator.toFixed(0)}, ` +
      `PostgreSQL backends ${byId.postgresBackends.toFixed(0)} against ${byKeyCpu.postgresBackends.toFixed(0)} µs; ` +
      `${aggregation.eventsPerSecond.toFixed(0)} against ${keyNamed.eventsPerSecond.toFixed(0)} events/s; ` +
      `${Math.round(aggregation.counterChangesById * 100)} % of changes named by id; ` +
      `peak memory ${Math.round(aggregation.memory.peak)} against ${Math.round(keyNamed.memory.peak)} MiB`,
  });

  log('the live feed: as many events, all of today');
  const live = benchEnvironment(`${run}-live-feed`, { DATABASE_URL: `${env.DATABASE_URL}_live` });
  await prepareBenchEnvironment(live);
  const liveProduced = await produceAll(live, live.KAFKA_TOPIC_PREFIX + TOPICS.events, keyed(canonicalEvents(SIZES.aggregate, 'today', new Date(), 'today')));
  const liveRaw = await rawConsumeRate(live, live.KAFKA_TOPIC_PREFIX + TOPICS.events, liveProduced.count);
  const liveAggregation = await aggregationThroughput(live, 3807, liveProduced.count);
  figures.push({
    section: 'aggregation',
    name: `exactly-once aggregation of ${liveProduced.count.toLocaleString()} events, live feed (all of today)`,
    value: liveAggregation.eventsPerSecond,
    unit: 'events/s',
    baseline: { name: 'bare kafkajs consumer, same topic', value: liveRaw },
    target: '≥ 50,000 events/s',
    notes:
      'the rows above are a year-long backfill: events spread over 11 months touch far more day, month and quarter counters; ' +
      `${Math.round(liveAggregation.counterChangesById * 100)} % of counter changes named by id`,
  });
  pushCpuPerEvent('live feed', liveAggregation, liveProduced.count);

  log('rebuild and drift check of every counter from the ledger');
  const started = performance.now();
  const rebuild = await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist/tools/rebuild.js')], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; code?: number }) => error);
  figures.push({
    section: 'aggregation',
    name: `rebuild + drift check of ${produced.count.toLocaleString()} events`,
    value: (performance.now() - started) / 1000,
    unit: 's',
    notes: `exit ${'code' in rebuild && rebuild.code ? rebuild.code : 0}: ${
      String(rebuild.stdout ?? '')
        .trim()
        .split('\n')
        .slice(-1)[0] ?? ''
    }`,
  });

  log('batch SQL recompute of two indicators from the ledger (GROUP BY, as a nightly analytics job)');
  const batch = await batchRecompute(env.DATABASE_URL);
  figures.push({
    section: 'aggregation',
    name: `batch SQL recompute (GROUP BY) of county_visit_rate and county_inpatient_rate from ${batch.events.toLocaleString()} events`,
    value: Math.round(batch.events / batch.seconds),
    unit: 'events/s',
    baseline: { name: 'exactly-once aggregation of every indicator (above)', value: aggregation.eventsPerSecond },
    notes: `${batch.cells.toLocaleString()} cells in ${batch.seconds.toFixed(1)} s, ${batch.differing} differing from the aggregator's; the aggregator counts all ${CATALOGUE.length} indicators`,
  });
}

/**
 * Where the time goes, per component: CPU µs per event of the aggregator, the PostgreSQL backends
 * serving it, PostgreSQL's background writers, the broker and Redis, over the same run. The budget
 * for 50,000 events/s on this box is ~40 µs for all of them together.
 */
/** CPU per event (µs) of each component over an aggregation run, and their total. */
function cpuPerEvent(result: AggregationResult, events: number) {
  const perEvent = (seconds: number) => (seconds * 1e6) / events;
  const { aggregator, postgresBackends, postgresBackground, kafka, redis } = result.cpu;
  return {
    aggregator: perEvent(aggregator),
    postgresBackends: perEvent(postgresBackends),
    postgresBackground: perEvent(postgresBackground),
    kafka: perEvent(kafka),
    redis: perEvent(redis),
    total: perEvent(aggregator + postgresBackends + postgresBackground + kafka + redis),
  };
}

function pushCpuPerEvent(feed: string, result: AggregationResult, events: number) {
  const cpu = cpuPerEvent(result, events);
  figures.push({
    section: 'aggregation',
    name: `CPU per event, ${feed}: all components`,
    value: cpu.total,
    unit: 'µs/event',
    target: '≤ 40 µs (50,000 events/s on 2 cores)',
    notes:
      [
        `aggregator ${cpu.aggregator.toFixed(0)}`,
        `PostgreSQL backends ${cpu.postgresBackends.toFixed(0)}`,
        `PostgreSQL WAL/checkpoint ${cpu.postgresBackground.toFixed(0)}`,
        `Kafka ${cpu.kafka.toFixed(0)}`,
        `Redis ${cpu.redis.toFixed(0)}`,
      ].join(', ') + ' µs (broker, Redis and PostgreSQL background are shared with anything else running on the box)',
  });
}

/** The same work shared by two aggregator processes (one consumer group): what a second instance buys on this box. */
async function scaleOutSection(run: string) {
  const env = benchEnvironment(`${run}-scale-out`);
  await prepareBenchEnvironment(env);
  log(`two aggregators over ${SIZES.scaleOut.toLocaleString()} events`);
  const produced = await produceAll(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events, keyed(canonicalEvents(SIZES.scaleOut, 'scale-out')));
  const one = figures.find((f) => f.name.startsWith('exactly-once aggregation of'));
  const two = await aggregationThroughput(env, 3805, produced.count, 2);
  figures.push({
    section: 'aggregation',
    name: `exactly-once aggregation of ${produced.count.toLocaleString()} events, 2 instances`,
    value: two.eventsPerSecond,
    unit: 'events/s',
    baseline: one ? { name: 'one instance (above)', value: one.value } : undefined,
    notes: 'both processes on the same 2 cores as Kafka, PostgreSQL and Redis',
  });
}

/** SIGKILL with a large state behind it: how long until a new process commits again. */
async function restartSection(run: string) {
  const env = benchEnvironment(`${run}-restart`);
  await prepareBenchEnvironment(env);
  log(`restart after SIGKILL at ${SIZES.restartAt.toLocaleString()} applied events`);
  const produced = await produceAll(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events, keyed(canonicalEvents(SIZES.restartAt + 20_000, 'restart')));
  const restart = await restartAfterKill(env, 3807, produced.count, SIZES.restartAt);
  figures.push({
    section: 'aggregation',
    name: `restart after SIGKILL, ${restart.appliedAtKill.toLocaleString()} events applied`,
    value: restart.resumeSeconds,
    unit: 's to the next commit',
    target: '< 10 s at 1 M events of state',
    notes: `new process healthy after ${restart.startSeconds.toFixed(1)} s; the rest is the consumer group waiting out the dead member's session (${env.KAFKA_SESSION_TIMEOUT_MS} ms here); the state is in PostgreSQL, so nothing is restored and the time does not grow with it`,
  });
}

/** The aggregator's counting steps without I/O: where the engine stands apart from PostgreSQL and Kafka. */
function countingSection() {
  log(`counting pipeline alone (no I/O), ${SIZES.counting.toLocaleString()} events, declarative vs compiled`);
  const messages = [...canonicalEvents(SIZES.counting, 'counting')].map((e) => JSON.stringify(e));
  const declarative = countingPipeline(messages, DECLARATIVE_ENGINE);
  const compiled = countingPipeline(messages, new CompiledCatalogue());
  const differing = differingCounters(declarative.counters, compiled.counters).length;
  figures.push({
    section: 'aggregation',
    name: 'counting pipeline alone (decode, versions, subjects, roll-up; no I/O), compiled catalogue',
    value: compiled.microsecondsPerEvent,
    unit: 'µs/event',
    baseline: { name: 'declarative engine', value: declarative.microsecondsPerEvent },
    notes: `${compiled.counters.size.toLocaleString()} counters, ${differing} differing; ${compiled.rowsPerEvent.toFixed(2)} counter rows written per event in transactions of 2,500`,
  });
}

async function ledgerSection(run: string) {
  const env = benchEnvironment(`${run}-ledger`);
  await prepareBenchEnvironment(env);
  log(`ledger write path vs COPY, ${SIZES.ledger.toLocaleString()} rows`);
  const { ledger, copy } = await ledgerVersusCopy(env.DATABASE_URL, [...canonicalEvents(SIZES.ledger, 'ledger')]);
  figures.push({
    section: 'postgres',
    name: 'ledger insert (batches of 1000, dedupe)',
    value: ledger,
    unit: 'rows/s',
    baseline: { name: 'raw COPY', value: copy },
  });
}

/**
 * One institution reports everything, so batches of 500 fit one API key. A referral keeps its other
 * party and names this institution in place of the one that reported it, so it stays valid (only a
 * party may report a referral); one whose other party is this institution already is left out.
 */
function asInstitution(events: Iterable<HealthEvent>, institutionId: string, tag: string): HealthEvent[] {
  const out: HealthEvent[] = [];
  for (const event of events) {
    const reported = reportedBy(event, institutionId);
    if (reported) out.push({ ...reported, eventId: `${tag}-${out.length}`, version: 1, voided: false });
  }
  return out;
}

function reportedBy(event: HealthEvent, institutionId: string): HealthEvent | undefined {
  if (event.type !== 'referral') return { ...event, institutionId };
  const party = (id: string) => (id === event.institutionId ? institutionId : id);
  const [fromInstitutionId, toInstitutionId] = [party(event.fromInstitutionId), party(event.toInstitutionId)];
  return fromInstitutionId === toInstitutionId ? undefined : { ...event, institutionId, fromInstitutionId, toInstitutionId };
}

async function ingestSection(run: string) {
  const env = benchEnvironment(`${run}-ingest`, { RAW_DOOR_ENABLED: 'false' });
  await prepareBenchEnvironment(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  await seedRegistry(pool);
  const institution = '610921-CH-001';
  const key = await issueApiKey(pool, institution);
  await pool.end();
  const ingest = await new AppProcess('ingest', 3801, env).start();
  try {
    const events = asInstitution(rawEvents(QUICK ? 150_000 : 400_000, 'http'), institution, `H${run}`);
    log('baseline: raw producer of the same events in batches of 500');
    const producerRate = (
      await produceAll(
        env,
        `${env.KAFKA_TOPIC_PREFIX}${TOPICS.eventsRaw}`,
        events.map((e) => ({ key: e.institutionId, value: JSON.stringify(e) })),
        500,
      )
    ).perSecond;
    log(`HTTP ingest, batches of 500, ${SIZES.httpSeconds} s`);
    const batches = await batchThroughput(ingest.url, key, events, 500, SIZES.httpSeconds);
    figures.push({
      section: 'ingest',
      name: 'HTTP ingest, batches of 500 (validate, pseudonymise, durable)',
      value: batches.eventsPerSecond,
      unit: 'events/s',
      baseline: { name: 'raw Kafka producer, batches of 500', value: producerRate },
      notes: `${batches.requests} requests, ${batches.non2xx} not 2xx`,
    });
    // A just-started door's first few thousand single events cost ~1.5 times the CPU of later ones (compiling and optimising their path): not measured.
    log('HTTP ingest, single events at 500 requests/s for 10 s to warm up');
    await singleEventLatency(ingest.url, key, asInstitution(rawEvents(5_500, 'warm-up'), institution, `W${run}`), 500, 10, ingest.pid);
    for (const rate of [200, 500, 1000, 2000]) {
      log(`HTTP ingest, single events at ${rate} requests/s`);
      // A few referrals are left out by asInstitution: generate more, so that no request repeats an event.
      const singles = asInstitution(rawEvents(rate * SIZES.latencySeconds * 1.5, `single${rate}`), institution, `S${rate}${run}`);
      const single = await withServerLatency(ingest.url, '/v1/events', () =>
        singleEventLatency(ingest.url, key, singles, rate, SIZES.latencySeconds, ingest.pid),
      );
      const counts = `${single.requests} requests, ${single.non2xx} not 2xx; in the ingest app (its own histogram) p50 ${ms(single.server.p50)}, p99 ${ms(single.server.p99)}`;
      figures.push({ section: 'ingest', name: `single event p50 at ${rate} req/s`, value: single.p50, unit: 'ms' });
      figures.push({
        section: 'ingest',
        name: `single event p99 at ${rate} req/s`,
        value: single.p99,
        unit: 'ms',
        target: rate === 500 ? 'p99 < 20 ms' : undefined,
        notes: `evenly spaced requests (open loop, latency from when each was due); ${counts}`,
      });
      figures.push({
        section: 'ingest',
        name: `single events answered 2xx at ${rate} req/s`,
        value: single.acceptedPerSecond,
        unit: 'requests/s',
        target: rate === 2000 ? '≥ 2,000 accepted/s' : undefined,
      });
      figures.push({
        section: 'ingest',
        name: `ingest CPU per single-event request at ${rate} req/s`,
        value: single.cpuMsPerRequest,
        unit: 'ms',
        target: '≤ 0.5 ms',
        notes: 'user + system time of the ingest process over the run (/proc), background work included, divided by requests',
      });
    }
    // Hospital systems mostly post one event at a time and wait for the answer: a closed loop per client.
    for (const clients of [1, 10, 50]) {
      log(`HTTP ingest, single events, ${clients} closed-loop clients for ${SIZES.latencySeconds} s`);
      const singles = asInstitution(rawEvents(40_000, `closed${clients}`), institution, `C${clients}${run}`).map((event) => JSON.stringify(event));
      const cpuBefore = cpuSeconds(ingest.pid);
      const closed = await closedLoop({
        url: `${ingest.url}/v1/events`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        bodies: singles,
        clients,
        seconds: SIZES.latencySeconds,
      });
      const cpuMs = ((cpuSeconds(ingest.pid) - cpuBefore) * 1000) / Math.max(closed.requests, 1);
      const counts = `${closed.requests} requests, ${closed.non2xx} not 2xx; ingest CPU ${cpuMs.toFixed(2)} ms per request`;
      figures.push({
        section: 'ingest',
        name: `single events answered 2xx, ${clients} closed-loop clients`,
        value: closed.acceptedPerSecond,
        unit: 'requests/s',
        notes: counts,
      });
      figures.push({ section: 'ingest', name: `single event p50, ${clients} closed-loop clients`, value: closed.p50, unit: 'ms' });
      figures.push({ section: 'ingest', name: `single event p99, ${clients} closed-loop clients`, value: closed.p99, unit: 'ms' });
    }
  } finally {
    await ingest.stop();
  }
}

/**
 * The city overview read alone: the query app (no aggregator, no load) answering one cached read at
 * 1,000 requests/s, with its CPU per request. The live section measures the same read with the whole
 * stack on the box.
 */
async function querySection(run: string) {
  const env = benchEnvironment(`${run}-query`, { RAW_DOOR_ENABLED: 'false' });
  await prepareBenchEnvironment(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  await seedRegistry(pool);
  const bureauToken = await issueBureauToken(pool, '610900');
  await pool.end();
  const query = await new AppProcess('query', 3831, env).start();
  try {
    const path = `/v1/indicators/county_visit_rate/values?period=${new Date().getFullYear()}&region=610900&level=county`;
    // The change feed joins and the answer is cached; the first ten thousand reads cost 30–40 % more CPU than later ones (compiling their path).
    await queryLatency(query.url, path, bureauToken, 1000, 10);
    log('query app alone: the city overview at 1000 requests/s');
    const cpuBefore = cpuSeconds(query.pid);
    const latency = await withServerLatency(query.url, VALUES_ROUTE, () => queryLatency(query.url, path, bureauToken, 1000, SIZES.latencySeconds));
    const cpuMs = ((cpuSeconds(query.pid) - cpuBefore) * 1000) / (latency.requestsPerSecond * SIZES.latencySeconds);
    figures.push({ section: 'query', name: 'city overview read, query app alone, p50 at 1k req/s', value: latency.p50, unit: 'ms' });
    figures.push({
      section: 'query',
      name: 'city overview read, query app alone, p99 at 1k req/s',
      value: latency.p99,
      unit: 'ms',
      target: 'p99 < 10 ms',
      notes: `achieved ${Math.round(latency.requestsPerSecond)} req/s, ${latency.non2xx} not 2xx; client in a worker thread of the benchmark on the same 2 cores`,
    });
    figures.push({
      section: 'query',
      name: 'city overview read, in the query app (its own histogram), p99 at 1k req/s',
      value: latency.server.p99,
      unit: 'ms',
      notes: `p50 ${ms(latency.server.p50)}: arrival to last byte sent, interpolated within the histogram's buckets (1, 2.5, 5, 10 ms …)`,
    });
    figures.push({
      section: 'query',
      name: 'query CPU per cached read at 1k req/s',
      value: cpuMs,
      unit: 'ms',
      target: '≤ 0.2 ms',
      notes: 'user + system time of the query process over the run (/proc), background work included, divided by requests',
    });
  } finally {
    await query.stop();
  }
}

async function liveSection(run: string) {
  const env = benchEnvironment(`${run}-freshness`, { RAW_DOOR_ENABLED: 'false' });
  await prepareBenchEnvironment(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  await seedRegistry(pool);
  const loadInstitution = '610902-CH-001';
  const probeInstitution = '610921-THC-001';
  const [loadKey, probeKey, bureauToken] = [
    await issueApiKey(pool, loadInstitution),
    await issueApiKey(pool, probeInstitution),
    await issueBureauToken(pool, '610900'),
  ];
  await pool.end();
  const apps = [new AppProcess('ingest', 3811, env), new AppProcess('aggregator', 3813, env), new AppProcess('query', 3812, env)];
  await Promise.all(apps.map((app) => app.start()));
  const [ingest, , query] = apps;
  try {
    log('query latency at 1000 requests/s');
    const overview = `/v1/indicators/county_visit_rate/values?period=${new Date().getFullYear()}&region=610900&level=county`;
    // As in the query section: a just-started process first compiles its hot paths and joins the change feed.
    await queryLatency(query.url, overview, bureauToken, 1000, 10);
    const cpuBefore = cpuSeconds(query.pid);
    const latency = await withServerLatency(query.url, VALUES_ROUTE, () => queryLatency(query.url, overview, bureauToken, 1000, SIZES.latencySeconds));
    const cpuMs = ((cpuSeconds(query.pid) - cpuBefore) * 1000) / (latency.requestsPerSecond * SIZES.latencySeconds);
    figures.push({ section: 'query', name: 'city overview read (10 counties) p50 at 1k req/s', value: latency.p50, unit: 'ms' });
    figures.push({
      section: 'query',
      name: 'city overview read (10 counties) p99 at 1k req/s',
      value: latency.p99,
      unit: 'ms',
      target: 'p99 < 10 ms',
      notes: `evenly spaced requests (open loop, latency from when each was due); achieved ${Math.round(latency.requestsPerSecond)} req/s, ${latency.non2xx} not 2xx; query CPU ${cpuMs.toFixed(2)} ms per request`,
    });
    figures.push({
      section: 'query',
      name: 'city overview read (10 counties), in the query app (its own histogram), p99 at 1k req/s',
      value: latency.server.p99,
      unit: 'ms',
      notes: `p50 ${ms(latency.server.p50)}`,
    });

    const template = [...rawEvents(5000, 'probe')].find((e) => e.type === 'family_doctor' && e.action === 'service' && e.serviceKind === 'home_visit');
    if (!template) throw new Error('no home-visit event in the sample feed');
    const probe = { ...template, institutionId: probeInstitution, occurredAt: new Date().toISOString() };
    // Rising rates; a rate the aggregator cannot sustain builds a backlog that would poison the next.
    for (const rate of [200, 1000, 2000, 5000]) {
      log(`freshness at ${rate} events/s`);
      const loadEvents = asInstitution(rawEvents(rate * 40, `load${rate}`), loadInstitution, `F${rate}${run}`);
      try {
        const result = await freshness({ ingestUrl: ingest.url, queryUrl: query.url, loadKey, loadEvents, probe, probeKey, bureauToken }, rate, SIZES.probes);
        figures.push({ section: 'freshness', name: `202 → visible in query API, p50 at ${rate} events/s`, value: result.p50, unit: 'ms' });
        figures.push({
          section: 'freshness',
          name: `202 → visible in query API, p99 at ${rate} events/s`,
          value: result.p99,
          unit: 'ms',
          target: rate === 5000 ? 'p99 < 1 s' : undefined,
          notes: `${result.samples} probes`,
        });
      } catch (error) {
        notes.push(
          `Freshness at ${rate} events/s not sustained: ${error instanceof Error ? error.message : String(error)} (the aggregator falls behind the load; higher rates not tried).`,
        );
        break;
      }
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

/** The city dashboard's grid, as the page subscribes to it: each key indicator for the counties and the city itself. */
const CITY_DASHBOARD_INDICATORS = [
  'county_visit_rate',
  'county_inpatient_rate',
  'primary_care_visit_share',
  'referral_completion_rate',
  'hypertension_standard_management_rate',
  'diabetes_standard_management_rate',
  'family_doctor_coverage',
  'tcm_prescription_share',
  'home_visits',
];

async function streamSection(run: string) {
  const env = benchEnvironment(`${run}-stream`, { RAW_DOOR_ENABLED: 'false' });
  await prepareBenchEnvironment(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  await seedRegistry(pool);
  const loadInstitution = '610902-CH-001';
  const loadKey = await issueApiKey(pool, loadInstitution);
  const clients = 200;
  // The caps stay as configured (5 per token by default): one city token per five dashboards.
  const tokens: string[] = [];
  for (let i = 0; i < clients / 5; i++) tokens.push(await issueBureauToken(pool, '610900'));
  await pool.end();
  const apps = [new AppProcess('ingest', 3821, env), new AppProcess('aggregator', 3823, env), new AppProcess('query', 3822, env)];
  await Promise.all(apps.map((app) => app.start()));
  const [ingest, , query] = apps;
  try {
    const year = String(new Date().getFullYear());
    const cells = CITY_DASHBOARD_INDICATORS.flatMap((indicator) => [
      { indicator, period: year, region: '610900', level: 'county' },
      { indicator, period: year, region: '610900' },
    ]);
    const rate = 2000;
    const seconds = QUICK ? 20 : 60;
    log(`${clients} SSE streams while events flow at up to ${rate}/s for ${seconds} s`);
    const loadEvents = asInstitution(rawEvents(rate * (seconds + 10), `stream${run}`), loadInstitution, `S${run}`);
    const r = await streamFanout(
      { ingestUrl: ingest.url, queryUrl: query.url, queryPid: query.pid, loadKey, loadEvents, tokens, cells },
      clients,
      rate,
      seconds,
    );
    const setup = `${r.connected}/${r.clients} streams connected, each subscribed to ${cells.length} values requests (the city dashboard); events accepted ${Math.round(r.eventsPerSecond)}/s of ${rate}/s asked over ${Math.round(r.seconds)} s; STREAM_COALESCE_MS ${env.STREAM_COALESCE_MS ?? 250}`;
    figures.push({
      section: 'stream',
      name: 'messages per client per minute',
      value: r.messagesPerClientPerMinute,
      unit: 'messages/min',
      target: '≤ 240 (≤ 4/s)',
      notes: `${setup}; most in one wall-clock second to one client: ${r.maxMessagesPerSecondOfAClient}`,
    });
    figures.push({
      section: 'stream',
      name: 'bytes per client per minute',
      value: r.bytesPerClientPerMinute / 1024,
      unit: 'KiB/min',
      notes: `${r.cellsReceived.toLocaleString()} cell values received in all`,
    });
    figures.push({ section: 'stream', name: 'change → client p50 (counter asOf → arrival)', value: r.p50, unit: 'ms' });
    figures.push({ section: 'stream', name: 'change → client p99 (counter asOf → arrival)', value: r.p99, unit: 'ms', target: 'p99 < 1 s' });
    figures.push({
      section: 'stream',
      name: `query RSS growth with ${r.connected} streams`,
      value: r.rssAfter - r.rssBefore,
      unit: 'MiB',
      target: '< 50 MB',
      notes: `${Math.round(r.rssBefore)} MiB before the streams opened, ${Math.round(r.rssOpened)} MiB once open (before the load), ${Math.round(r.rssAfter)} MiB at the end of the load`,
    });
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

async function memorySection(run: string) {
  if (SIZES.memoryRun === 0) {
    notes.push(
      'Quick mode: the memory run (`BENCH_MEMORY_EVENTS`, 2,000,000 events by default) is skipped (run `npm run bench` for it); peak memory above is over the aggregation run.',
    );
    return;
  }
  const env = benchEnvironment(`${run}-memory`);
  await prepareBenchEnvironment(env);
  log(`memory over ${SIZES.memoryRun.toLocaleString()} events`);
  const produced = await produceAll(env, env.KAFKA_TOPIC_PREFIX + TOPICS.events, keyed(canonicalEvents(SIZES.memoryRun, 'memory')));
  const result = await aggregationThroughput(env, 3804, produced.count);
  figures.push({
    section: 'aggregation',
    name: `aggregator resident memory over ${produced.count.toLocaleString()} events`,
    value: result.memory.peak,
    unit: 'MiB peak',
    target: 'flat, < 300 MB',
    notes: `first ${Math.round(result.memory.first)} MiB, last ${Math.round(result.memory.last)} MiB; ${Math.round(result.eventsPerSecond)} events/s over ${Math.round(result.seconds)} s`,
  });
}

/**
 * Bulk import of a past year (beyond the live horizon): events/s from the NDJSON file to counters
 * applied by the aggregator, beside the live door (HTTP batches of 1000, same kind of events, dated
 * within the horizon) measured the same way, each on its own ingest + aggregator.
 */
async function importSection(run: string) {
  const count = QUICK ? 50_000 : 500_000;
  const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const recent = new Date(Date.now() - 60 * 86_400_000 + 8 * 3600_000);
  const measure = async (name: string, port: number, feed: (env: ReturnType<typeof benchEnvironment>, pool: Pool, ingestUrl: string) => Promise<number>) => {
    const env = benchEnvironment(`${run}-${name}`, { RAW_DOOR_ENABLED: 'false' });
    await prepareBenchEnvironment(env);
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    await seedRegistry(pool);
    const ingest = await new AppProcess('ingest', port, env).start();
    const aggregator = await new AppProcess('aggregator', port + 1, env).start();
    try {
      const started = performance.now();
      const accepted = await feed(env, pool, ingest.url);
      await canonicalTopicApplied(env, pool);
      return { accepted, seconds: (performance.now() - started) / 1000 };
    } finally {
      await Promise.all([ingest.stop(), aggregator.stop()]);
      await pool.end();
    }
  };

  const file = path.join(tmpdir(), `bench-import-${run}.ndjson`);
  await writeNdjson(file, visitHistory({ year: thisYear - 2, count, seed: 7, idPrefix: `bench-${run}` }));
  log(`bulk import of ${count.toLocaleString()} visits of ${thisYear - 2} (${fileMiB(file).toFixed(0)} MiB NDJSON) to applied counters`);
  let importSummary: Record<string, number> = {};
  const imported = await measure('import-file', 3821, async (env, _pool, url) => {
    importSummary = await runImportCli(ROOT, { INGEST_URL: url, ...(env.ADMIN_TOKEN !== undefined && { ADMIN_TOKEN: env.ADMIN_TOKEN }) }, file, [
      '--authorised-by',
      'bench',
      '--max-age-days',
      '1200',
    ]);
    return importSummary.accepted;
  });
  rmSync(file, { force: true });
  rmSync(`${file}.rejected.csv`, { force: true });

  log(`live door: the same number of visits of ${recent.toISOString().slice(0, 7)} in HTTP batches of 1000 to applied counters`);
  const institution = '610921-CH-001';
  const live = await measure('import-live', 3823, async (_env, pool, url) => {
    const key = await issueApiKey(pool, institution);
    const events = [...visitHistory({ year: recent.getUTCFullYear(), months: [recent.getUTCMonth() + 1], count, seed: 8, idPrefix: `live-${run}` })].map(
      (e) => ({ ...e, institutionId: institution }),
    );
    return postBatches(url, key, events);
  });
  figures.push({
    section: 'import',
    name: `bulk import of ${count.toLocaleString()} past-year visits, file → applied counters`,
    value: imported.accepted / imported.seconds,
    unit: 'events/s',
    baseline: { name: 'live door, HTTP batches of 1000 → applied counters', value: live.accepted / live.seconds },
    notes: `import: ${imported.accepted.toLocaleString()} accepted in ${imported.seconds.toFixed(0)} s (CLI alone ${importSummary.rowsPerSecond} rows/s); live: ${live.accepted.toLocaleString()} accepted in ${live.seconds.toFixed(0)} s`,
  });
}

async function main() {
  const started = performance.now();
  const report: Omit<BenchReport, 'durationSeconds'> = {
    mode: QUICK ? 'quick' : 'full',
    startedAt: new Date().toISOString(),
    machine: machineInfo(),
    commit: currentCommit(ROOT),
    figures,
    notes,
  };
  const run = Date.now().toString(36);
  await removeBenchLeftovers();
  const sections = [
    countingSection,
    aggregationSection,
    restartSection,
    scaleOutSection,
    ledgerSection,
    ingestSection,
    querySection,
    importSection,
    liveSection,
    streamSection,
    memorySection,
  ];
  for (const section of sections.filter((s) => !ONLY || ONLY.includes(s.name.replace(/Section$/, '')))) {
    try {
      await section(run);
    } catch (error) {
      const message = `${section.name} failed: ${error instanceof Error ? error.message : String(error)}`;
      log(message);
      notes.push(message);
    }
  }
  await removeBenchLeftovers().catch((error: unknown) => log(`leftovers not removed: ${String(error)}`));
  const markdown = writeReport(ROOT, { ...report, durationSeconds: (performance.now() - started) / 1000 }, ONLY ? 'partial' : 'latest');
  process.stdout.write(`\n${markdown}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
