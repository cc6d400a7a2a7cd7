import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { deadLetterHeaders, EVENT_HEADERS, maskIdNumbers } from '@lib/contracts';
import { CONSUMER_GROUPS, ConsumedBatch, ConsumedMessage, KafkaBatchConsumers, KafkaProducer, KafkaTopics } from '@lib/kafka';
import { CredentialsRepository } from '@lib/registry-store';
import { claimedInstitution, EventIntake } from '../events/event-intake.service';
import { METRIC_DEAD_LETTERS } from '../events/intake-metrics';
import type { IngestEnvironment } from '../ingest.environment';
import { deadLetter, DeadLetter } from './dead-letter';
import { claimedKeyIds, producerIdentityError, RawSignaturePolicy } from './producer-identity';
import { RawRead, readRawMessage } from './raw-message';

/** The raw door's consumer group (the deployment's KAFKA_GROUP_PREFIX goes in front). */
export const RAW_DOOR_GROUP = CONSUMER_GROUPS.ingestRaw;

/**
 * The Kafka door: institutions may produce straight to `health.events.raw.v1`. Each message must be
 * signed with its institution's API key (producer-identity.ts): the broker knows only the shared
 * principal that wrote it. Each batch then goes through the same intake as HTTP; rejects go to the
 * dead-letter topic with their reasons. A bad message never stops the partition — nor does a record
 * batch that cannot be decompressed: its records arrive as placeholders (`undecodable`) and are
 * dead-lettered like unreadable messages.
 * Only a transient failure (broker down) retries the batch, and a retry is harmless: accepted
 * versions come back as duplicates.
 */
@Injectable()
export class RawEventsDoor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RawEventsDoor.name);
  private readonly enabled: boolean;
  private readonly signaturePolicy: RawSignaturePolicy;
  private readonly fetchBytesPerPartition: number;

  constructor(
    config: ConfigService<IngestEnvironment, true>,
    private readonly consumers: KafkaBatchConsumers,
    private readonly topics: KafkaTopics,
    private readonly producer: KafkaProducer,
    private readonly intake: EventIntake,
    private readonly credentials: CredentialsRepository,
    @InjectMetric(METRIC_DEAD_LETTERS) private readonly deadLetters: Counter,
  ) {
    this.enabled = config.get('RAW_DOOR_ENABLED', { infer: true });
    this.signaturePolicy = config.get('RAW_DOOR_SIGNATURES', { infer: true });
    this.fetchBytesPerPartition = config.get('RAW_DOOR_FETCH_BYTES_PER_PARTITION', { infer: true });
  }

  async onApplicationBootstrap() {
    if (!this.enabled) return;
    await this.consumers
      .create({
        group: RAW_DOOR_GROUP,
        topic: this.topics.name('eventsRaw'),
        maxBytesPerPartition: this.fetchBytesPerPartition,
        handleBatch: (batch) => this.normalise(batch),
      })
      .start();
  }

  async normalise(batch: ConsumedBatch): Promise<void> {
    const now = new Date();
    const signers = await this.credentials.signingKeysByIds(claimedKeyIds(batch.messages));
    const reads = batch.messages.map((message): { message: typeof message; read: RawRead } => {
      const read = readRawMessage(message);
      if (!read.ok) return { message, read };
      const error = producerIdentityError(message, claimedInstitution(read.input), signers, this.signaturePolicy);
      return { message, read: error ? { ok: false, error, input: read.input } : read };
    });
    const readable = reads.filter((r) => r.read.ok);
    const outcomes = await this.intake.intake(
      readable.map((r) => (r.read.ok ? r.read.input : undefined)),
      { door: 'kafka', correlationId: readable.map((r) => r.message.headers[EVENT_HEADERS.correlationId]) },
    );

    const letters: Letter[] = [];
    for (const { message, read } of reads) {
      if (!read.ok) letters.push(letterOf(message, deadLetter(batch.topic, message, read.input, [read.error], now), read.input));
    }
    outcomes.forEach((outcome, i) => {
      const { message, read } = readable[i];
      if (outcome.status === 'rejected' && read.ok)
        letters.push(letterOf(message, deadLetter(batch.topic, message, read.input, outcome.errors, now), read.input));
    });
    if (letters.length === 0) return;
    await this.producer.send(this.topics.name('eventsDeadLetter'), letters);
    for (const { value } of letters) this.deadLetters.inc({ code: value.errors[0]?.code ?? 'unknown' });
    this.logger.log({ partition: batch.partition, deadLettered: letters.length }, 'raw events dead-lettered');
  }
}

interface Letter {
  key: string;
  value: DeadLetter;
  headers: Record<string, string>;
}

/**
 * A dead letter keeps the raw message's key (the sender's institution by contract), also when the
 * message could not be read at all, so it lands beside the sender's other letters; masked like
 * everything echoed, in case a sender keyed by a person's ID number. Its headers say what could be
 * read of the message (EVENT_HEADERS), and pass on the producer's correlation id.
 */
function letterOf(message: ConsumedMessage, letter: DeadLetter, input: unknown): Letter {
  const key = message.key !== null && message.key !== '' ? maskIdNumbers(message.key) : (letter.institutionId ?? 'unknown');
  const headers = deadLetterHeaders({
    eventId: letter.eventId,
    institutionId: letter.institutionId,
    type: typeof input === 'object' && input !== null ? (input as Record<string, unknown>).type : undefined,
    rejectionCode: letter.errors[0]?.code,
    correlationId: message.headers[EVENT_HEADERS.correlationId],
  });
  return { key, value: letter, headers };
}
