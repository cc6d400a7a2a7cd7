import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Gauge } from 'prom-client';
import type { HealthEvent } from '@lib/contracts';
import { KafkaProducer, KafkaTopics } from '@lib/kafka';
import { EpidemicFeed, epidemicOptions } from '../feed/epidemic-feed';
import { FeedGenerator } from '../feed/feed-generator';
import { parseScenario } from '../feed/feed-scenario';
import { liveOptions } from '../feed/feed-timeline';
import { addTally, emptyTally, SinkNotReadyError, type EventSink, type SinkTally } from '../sinks/event-sink';
import { SimulatorEnvironment } from '../simulator.environment';
import { sinkFromEnvironment } from './sink.factory';
import { METRIC_EVENTS, METRIC_RATE } from './simulator.metrics';

export interface FeedStatus extends SinkTally {
  running: boolean;
  sink: string;
  scenario: string;
  seed: string;
  /** Target and measured events per second (measured over the last ~10 s). */
  rate: { target: number; actual: number };
  startedAt?: string;
  /** Why events are held back or failed last (ingest down, no credentials yet…). */
  lastProblem?: string;
  /** Story steps (discharges, referral answers, amendments) waiting for their time. */
  pending: number;
  /** Rejection reasons seen from ingest (code → count); should stay empty. */
  rejectionCodes: Record<string, number>;
}

const TICK_MS = 1000;
const NOT_READY_WAIT_MS = 2000;
const PROBLEM_LOG_EVERY_MS = 30_000;

/**
 * Runs the live feed: each second it generates what the rate owes (events happen "now"), adds what
 * the epidemic feed has due (SIMULATOR_EPIDEMIC: report cards and sentinel counts on the calendar's
 * pace), hands them to the sink and counts what came back. A sink that is not ready (ingest not up, credentials not
 * written yet) holds the batch and is asked again every 2 s: the app stays healthy meanwhile.
 */
@Injectable()
export class FeedRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedRunner.name);
  private readonly env: SimulatorEnvironment;
  private readonly sink: EventSink;
  private readonly tally = emptyTally();
  private generator?: FeedGenerator;
  private epidemic?: EpidemicFeed;
  private running = false;
  private loop?: Promise<void>;
  private startedAt?: number;
  private lastProblem?: string;
  private lastProblemLoggedAt = 0;
  private readonly window: { at: number; sent: number }[] = [];

  constructor(
    config: ConfigService<SimulatorEnvironment, true>,
    producer: KafkaProducer,
    topics: KafkaTopics,
    @InjectMetric(METRIC_EVENTS) private readonly events: Counter,
    @InjectMetric(METRIC_RATE) private readonly rateGauge: Gauge,
  ) {
    // The validated environment, read once; the sink factory and the loop want it as one object.
    this.env = new SimulatorEnvironment();
    for (const key of [
      'SIMULATOR_AUTOSTART',
      'SIMULATOR_EPIDEMIC',
      'SIMULATOR_RATE',
      'SIMULATOR_SINK',
      'SIMULATOR_INGEST_URL',
      'SIMULATOR_CREDENTIALS_FILE',
      'SIMULATOR_OUT_FILE',
      'SIMULATOR_SEED',
      'SIMULATOR_SCENARIO',
      'SIMULATOR_POPULATION_SCALE',
      'SIMULATOR_BATCH_SIZE',
    ] as const) {
      (this.env as unknown as Record<string, unknown>)[key] = config.get(key, { infer: true });
    }
    this.sink = sinkFromEnvironment(this.env, producer, topics, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.env.SIMULATOR_AUTOSTART) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.sink.close();
  }

  start(): FeedStatus {
    if (!this.running) {
      // The population is drawn once per process; eventIds carry the boot time so a restarted app never reuses one.
      this.generator ??= new FeedGenerator(
        liveOptions(this.env.SIMULATOR_SEED, Date.now(), {
          streamId: `${this.env.SIMULATOR_SEED}-${Date.now().toString(36)}`,
          populationScale: this.env.SIMULATOR_POPULATION_SCALE,
          scenario: parseScenario(this.env.SIMULATOR_SCENARIO),
        }),
      );
      if (this.env.SIMULATOR_EPIDEMIC) {
        const startMs = Date.now();
        const streamId = `${this.env.SIMULATOR_SEED}-${startMs.toString(36)}`;
        this.epidemic ??= new EpidemicFeed(epidemicOptions(this.env.SIMULATOR_SEED, streamId, parseScenario(this.env.SIMULATOR_SCENARIO), startMs), startMs);
      }
      this.running = true;
      this.startedAt = Date.now();
      this.rateGauge.set(this.env.SIMULATOR_RATE);
      this.logger.log(`feed started: ${this.env.SIMULATOR_RATE} events/s to ${this.sink.name}, scenario ${this.env.SIMULATOR_SCENARIO}`);
      this.loop = this.run(this.generator).catch((error: unknown) => {
        this.running = false;
        this.logger.error({ err: error }, 'feed stopped by an unexpected error');
      });
    }
    return this.status();
  }

  async stop(): Promise<FeedStatus> {
    if (this.running) this.logger.log('feed stopping');
    this.running = false;
    this.rateGauge.set(0);
    await this.loop;
    return this.status();
  }

  status(): FeedStatus {
    const first = this.window[0];
    const last = this.window[this.window.length - 1];
    const actual = first && last && last.at > first.at ? ((last.sent - first.sent) * 1000) / (last.at - first.at) : 0;
    const http = this.sink as Partial<{ rejectionCodes: Map<string, number> }>;
    return {
      running: this.running,
      sink: this.sink.name,
      scenario: this.env.SIMULATOR_SCENARIO,
      seed: this.env.SIMULATOR_SEED,
      rate: { target: this.env.SIMULATOR_RATE, actual: Math.round(actual * 10) / 10 },
      ...this.tally,
      ...(this.startedAt !== undefined && { startedAt: new Date(this.startedAt).toISOString() }),
      ...(this.lastProblem !== undefined && { lastProblem: this.lastProblem }),
      pending: this.generator?.backlog.pending ?? 0,
      rejectionCodes: Object.fromEntries(http.rejectionCodes ?? []),
    };
  }

  private async run(generator: FeedGenerator): Promise<void> {
    const rate = this.env.SIMULATOR_RATE;
    // Owed events are capped, so a long wait for ingest does not end in a burst of hours of events.
    const maxOwed = Math.max(rate * 5, 1);
    let owed = 0;
    let last = Date.now();
    let held: HealthEvent[] = [];
    while (this.running) {
      const now = Date.now();
      owed = Math.min(maxOwed, owed + ((now - last) / 1000) * rate);
      last = now;
      if (held.length === 0) {
        // The epidemic feed follows the calendar: what fell due since the last tick, whatever the rate.
        const n = Math.floor(owed);
        owed -= n;
        held = [...(this.epidemic?.due(now) ?? []), ...Array.from({ length: n }, () => generator.next(now))];
      }
      if (held.length > 0 && (await this.deliver(held))) held = [];
      this.window.push({ at: Date.now(), sent: this.tally.sent });
      if (this.window.length > 10) this.window.shift();
      await sleepUnless(() => !this.running, held.length > 0 ? NOT_READY_WAIT_MS : TICK_MS - (Date.now() - now));
    }
  }

  /** True when the batch is done with (delivered or counted as failed); false when it should be offered again. */
  private async deliver(batch: HealthEvent[]): Promise<boolean> {
    try {
      const tally = await this.sink.send(batch);
      addTally(this.tally, tally);
      for (const result of ['sent', 'accepted', 'duplicate', 'rejected', 'errors'] as const) {
        if (tally[result] > 0) this.events.inc({ sink: this.sink.name, result }, tally[result]);
      }
      const sinkError = (this.sink as Partial<{ lastError: string }>).lastError;
      if (tally.errors > 0) this.problem(`${tally.errors} events not delivered${sinkError ? `: ${sinkError}` : ''}`);
      else this.lastProblem = undefined;
      return true;
    } catch (error) {
      if (error instanceof SinkNotReadyError) {
        this.problem(`waiting: ${error.message}`);
        return false;
      }
      this.tally.sent += batch.length;
      this.tally.errors += batch.length;
      this.problem(`batch failed: ${(error as Error).message}`);
      return true;
    }
  }

  private problem(message: string): void {
    this.lastProblem = message;
    if (Date.now() - this.lastProblemLoggedAt >= PROBLEM_LOG_EVERY_MS) {
      this.lastProblemLoggedAt = Date.now();
      this.logger.warn(message);
    }
  }
}

/** Sleeps up to `ms`, waking early when `stop()` is called, so shutdown is prompt. */
async function sleepUnless(stopped: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + Math.max(0, ms);
  while (!stopped() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(100, until - Date.now())));
}
