import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Counter } from 'prom-client';
import type { BaseEnvironment } from '@lib/config';
import { UndecodableBatch, undecodableBatchOf } from './codecs/undecodable-batch';
import { KAFKA_CLIENT } from './kafka-client';
import { METRIC_CONSUMER_CRASHES, METRIC_UNDECODABLE_BATCHES } from './kafka-metrics';
import { readTopicLog, TopicLog } from './topic-log';

export interface ConsumedMessage {
  partition: number;
  /** Kafka offsets are 64-bit: kept as strings. */
  offset: string;
  key: string | null;
  value: Buffer | null;
  timestamp: string;
  /** The message's headers as text (a repeated header: its first value). */
  headers: Record<string, string>;
  /**
   * Set when the message stands for a record of a batch that could not be decompressed (too large,
   * corrupt): key and value are null, the offset is the record's. Handlers reject it like any
   * unreadable message, so the partition moves on.
   */
  undecodable?: UndecodableBatch;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  /** The cluster the batch was read from, when the consumer checked it at assignment (`resume`). */
  clusterId?: string;
  messages: ConsumedMessage[];
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
}

export interface BatchConsumerOptions {
  /** Group name without the deployment's KAFKA_GROUP_PREFIX. */
  group: string;
  topic: string;
  /**
   * Where to resume each assigned partition (next offset to read), when the application keeps its
   * own offsets (e.g. in PostgreSQL, committed with the results). Called at every assignment with
   * what the broker holds (cluster id, each partition's log start and end) so the application can
   * check its offsets still point into this log. Returns the offsets to seek to (partitions left out
   * resume from the group's committed offset, or the beginning), or 'refuse': the consumer then
   * pauses the topic and hands over no batch of it until the next assignment accepts.
   */
  resume?: (log: TopicLog, assigned: number[]) => Promise<ReadonlyMap<number, string> | 'refuse'>;
  /**
   * Applies one batch of one partition. When it resolves, the batch counts as done and the group
   * offset is committed to Kafka too (a hint for lag monitoring). When it throws, nothing is
   * committed and the batch is retried after a pause: only transient failures should throw.
   */
  handleBatch: (batch: ConsumedBatch) => Promise<void>;
  maxBytesPerPartition?: number;
  /**
   * How many partitions' batches may be in `handleBatch` at once (kafkajs default 1). More lets a
   * handler gather several partitions' batches into one unit of work.
   */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** Where a group with no committed offset starts: the beginning (default) or only new messages. */
  fromBeginning?: boolean;
  /**
   * Called after the first fetch that follows each group join: the partitions' positions are then
   * resolved, so every message published from now on will be handed over (with `fromBeginning: false`,
   * what was published before that is never seen).
   */
  onFetching?: () => void;
}

/** Whether a consumer is handing over batches; `crashed` until it has joined its group again. */
export type ConsumerState = { status: 'starting' | 'consuming' | 'stopped' } | { status: 'crashed'; error: string; since: string };

export interface ConsumerMetrics {
  undecodableBatches: Counter;
  crashes: Counter;
}

/** First wait before restarting a crashed consumer; doubles per crash in a row up to the maximum. */
const RESTART_FIRST_MS = 1000;
const RESTART_MAX_MS = 60_000;

/**
 * Batch consumption (kafkajs `eachBatch`), which Nest's Kafka transport does not offer: it hands
 * messages one at a time. Offsets are committed by hand, after the handler has made the batch durable.
 */
export class BatchConsumer {
  private readonly logger = new Logger(BatchConsumer.name);
  private readonly consumer: Consumer;
  /**
   * The latest assignment's resume: batches wait for it (kafkajs does not await event listeners, so
   * fetching may start before it ends). Resolves with the cluster id when accepted, undefined when refused.
   */
  private resumed: Promise<string | undefined> = Promise.resolve(undefined);
  private assigned: number[] = [];
  /**
   * Next offset expected per partition (from the seek, then each handled batch). A batch starting
   * below it means the client rewound the partition by itself — kafkajs resets a position past the
   * log end to the beginning, silently, when the topic was recreated under a running consumer — so
   * the offsets are checked again before anything is handed over.
   */
  private readonly positions = new Map<number, bigint>();
  private current: ConsumerState = { status: 'starting' };
  /** Crashes since the last batch handled: sets the wait before the next restart. */
  private crashesInARow = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    readonly groupId: string,
    private readonly options: BatchConsumerOptions,
    private readonly metrics: ConsumerMetrics,
  ) {
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: Math.floor((options.sessionTimeoutMs ?? 30000) / 5),
      maxBytesPerPartition: options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
    const { topic, resume, onFetching } = options;
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      if (this.current.status === 'crashed') this.logger.warn({ group: this.groupId, topic }, 'Kafka consumer consuming again');
      this.current = { status: 'consuming' };
      this.assigned = payload.memberAssignment[topic] ?? [];
      if (resume) this.checkAssignment(resume);
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.crashed(payload.error, payload.restart));
    if (onFetching) {
      let joined = false;
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => (joined = true));
      this.consumer.on(this.consumer.events.FETCH, () => {
        if (!joined) return;
        joined = false;
        onFetching();
      });
    }
  }

  get state(): ConsumerState {
    return this.current;
  }

  get topic(): string {
    return this.options.topic;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: this.options.fromBeginning ?? true });
    await this.run();
    this.logger.log(`consuming ${this.options.topic} as group ${this.groupId}`);
  }

  async stop(): Promise<void> {
    this.current = { status: 'stopped' };
    clearTimeout(this.restartTimer);
    await this.consumer.disconnect();
  }

  /**
   * kafkajs restarts a consumer after a retriable failure by itself; after any other (an error it
   * cannot classify, a codec it lacks) it stops for good and only says so with this event. Either
   * way the consumer reports itself crashed (health fails) until it has joined its group again, and
   * a consumer kafkajs gave up on is restarted here, with a growing wait: the process keeps serving
   * its other doors meanwhile, and a restart resumes from the committed offsets.
   */
  private crashed(error: Error, restartsItself: boolean): void {
    if (this.current.status === 'stopped') return;
    this.current = { status: 'crashed', error: error.message, since: new Date().toISOString() };
    this.metrics.crashes.inc({ group: this.groupId, restart: restartsItself ? 'kafkajs' : 'consumer' });
    this.logger.error({ group: this.groupId, topic: this.options.topic, err: error, restartsItself }, 'Kafka consumer crashed');
    if (!restartsItself) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const wait = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** this.crashesInARow);
    this.crashesInARow += 1;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart(), wait);
  }

  private async restart(): Promise<void> {
    if (this.current.status === 'stopped') return;
    try {
      await this.consumer.disconnect();
      await this.consumer.connect();
      await this.run();
    } catch (error) {
      this.current = { status: 'crashed', error: (error as Error).message, since: new Date().toISOString() };
      this.logger.error({ group: this.groupId, err: error }, 'restarting the Kafka consumer failed');
      this.scheduleRestart();
    }
  }

  private async run(): Promise<void> {
    const { topic, resume, handleBatch } = this.options;
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      autoCommit: false,
      eachBatchAutoResolve: false,
      // kafkajs hands closures bound to this batch, not methods of an object (its docs destructure them too).
      // eslint-disable-next-line @typescript-eslint/unbound-method
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const expected = this.positions.get(batch.partition);
        if (resume && expected !== undefined && BigInt(batch.firstOffset() ?? expected) < expected) {
          this.logger.warn(
            { topic, partition: batch.partition, expected: String(expected), first: batch.firstOffset() },
            'partition rewound by the client: checking the stored offsets again',
          );
          this.checkAssignment(resume);
        }
        // The check may take a while (admin requests, PostgreSQL): the membership stays alive meanwhile.
        const clusterId = resume ? await heartbeating(this.resumed, heartbeat) : undefined;
        // Refused: the batch is neither handled nor resolved (the topic is paused); a seek made
        // meanwhile makes it stale.
        if ((resume && clusterId === undefined) || !isRunning() || isStale()) return;
        const messages = batch.messages.map((m) => consumedMessage(batch.partition, m));
        await handleBatch({ topic: batch.topic, partition: batch.partition, clusterId, heartbeat, messages });
        this.crashesInARow = 0;
        this.countUndecodable(batch.topic, messages);
        const last = batch.lastOffset();
        this.positions.set(batch.partition, BigInt(last) + 1n);
        resolveOffset(last);
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: nextOffset(last) }]);
        await heartbeat();
      },
    });
  }

  /** One count per refused record batch (its placeholders share the batch's first offset). */
  private countUndecodable(topic: string, messages: ConsumedMessage[]): void {
    const batches = new Map<string, UndecodableBatch>();
    for (const { undecodable } of messages) if (undecodable) batches.set(undecodable.batchOffset, undecodable);
    for (const { reason, codec } of batches.values()) this.metrics.undecodableBatches.inc({ topic, codec, reason });
  }

  /** Checks (again) where to resume the assigned partitions; batches wait for it. */
  private checkAssignment(resume: NonNullable<BatchConsumerOptions['resume']>): void {
    this.positions.clear(); // no second check for batches already on their way
    this.resumed = this.resumeAssigned(resume, this.assigned);
    // A failure reaches the next batch (kafkajs retries it, then rejoins); never unhandled.
    this.resumed.catch((error: unknown) => this.logger.error({ topic: this.options.topic, err: error }, 'resuming the assigned partitions failed'));
  }

  private async resumeAssigned(resume: NonNullable<BatchConsumerOptions['resume']>, assigned: number[]): Promise<string | undefined> {
    const { topic } = this.options;
    const log = await readTopicLog(this.kafka, topic);
    const offsets = await resume(log, assigned);
    if (offsets === 'refuse') {
      this.consumer.pause([{ topic }]);
      return undefined;
    }
    for (const [partition, offset] of offsets) {
      this.consumer.seek({ topic, partition, offset });
      this.positions.set(partition, BigInt(offset));
    }
    this.consumer.resume([{ topic }]);
    return log.clusterId;
  }
}

function consumedMessage(partition: number, m: KafkaMessage): ConsumedMessage {
  const undecodable = undecodableBatchOf(m.headers);
  if (undecodable) return { partition, offset: m.offset, key: null, value: null, timestamp: m.timestamp, headers: {}, undecodable };
  return { partition, offset: m.offset, key: m.key?.toString() ?? null, value: m.value, timestamp: m.timestamp, headers: textHeaders(m.headers) };
}

function textHeaders(headers: KafkaMessage['headers']): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

async function heartbeating<T>(work: Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
  const timer = setInterval(() => {
    heartbeat().catch(() => undefined);
  }, 1000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** A consumer group's name in a deployment (KAFKA_GROUP_PREFIX in front), for tools that act on its offsets. */
export function consumerGroupId(prefix: string, group: string): string {
  return `${prefix}.${group}`;
}

export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** Creates batch consumers with the deployment's group prefix and disconnects them on shutdown. */
@Injectable()
export class KafkaBatchConsumers implements OnApplicationShutdown {
  private readonly consumers: BatchConsumer[] = [];
  private readonly groupPrefix: string;
  private readonly sessionTimeoutMs: number;
  private readonly metrics: ConsumerMetrics;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    config: ConfigService<BaseEnvironment, true>,
    @InjectMetric(METRIC_UNDECODABLE_BATCHES) undecodableBatches: Counter,
    @InjectMetric(METRIC_CONSUMER_CRASHES) crashes: Counter,
  ) {
    this.groupPrefix = config.get('KAFKA_GROUP_PREFIX', { infer: true });
    this.sessionTimeoutMs = config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true });
    this.metrics = { undecodableBatches, crashes };
  }

  create(options: BatchConsumerOptions): BatchConsumer {
    const consumer = new BatchConsumer(
      this.kafka,
      consumerGroupId(this.groupPrefix, options.group),
      { sessionTimeoutMs: this.sessionTimeoutMs, ...options },
      this.metrics,
    );
    this.consumers.push(consumer);
    return consumer;
  }

  /** Every consumer this process created. */
  all(): readonly BatchConsumer[] {
    return this.consumers;
  }

  async onApplicationShutdown() {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
