import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter, Histogram } from 'prom-client';
import { CanonicalEvent, canonicalEventHeaders, eventKey, eventVersionKey, hasIdLikeRun, validateEvent, ValidationContext } from '@lib/contracts';
import { KafkaProducer, KafkaTopics } from '@lib/kafka';
import { RegistrySnapshot } from '@lib/registry-store';
import type { IngestEnvironment } from '../ingest.environment';
import { pseudonymKeyChain } from '../privacy/pseudonym-keys';
import { Pseudonymiser } from '../privacy/pseudonymiser';
import { toCanonicalEvent } from './canonical-event';
import { EventsNotDurableError, forbiddenInstitution, IntakeOutcome } from './intake-outcome';
import { METRIC_EVENTS, METRIC_PRODUCE_SECONDS, METRIC_REJECTIONS } from './intake-metrics';
import { ReceiptsRepository } from './receipts.repository';

export type Door = 'http' | 'kafka' | 'import';

export interface IntakeOptions {
  door: Door;
  /** The institution an API key is bound to; events of any other institution are refused. */
  reportingInstitution?: string;
  /**
   * How far back `occurredAt` may lie, when an operator has authorised a bulk import beyond the live
   * horizon (EVENT_MAX_AGE_DAYS otherwise). The rule and its code (`too_old`) stay the door's.
   */
  maxAgeMs?: number;
  /** The bulk import bringing these events (`event_imports.id`): carried on the canonical event, hence kept in the ledger. */
  importId?: string;
  /**
   * What brought the events, carried as the canonical records' `hi-correlation-id` header: the request's
   * id (X-Request-Id) for all of them, or one per input (the raw door's messages each bring their own).
   */
  correlationId?: string | readonly (string | undefined)[];
}

/**
 * The one path every event takes through the door, whichever door: validate against the contract
 * and the registry, pseudonymise, drop versions already accepted, and make the rest durable on the
 * canonical topic (keyed by county) before anyone is told "accepted".
 */
@Injectable()
export class EventIntake {
  private readonly pseudonymiser: Pseudonymiser;
  private readonly maxClockSkewMs: number;
  private readonly maxAgeMs: number;

  constructor(
    config: ConfigService<IngestEnvironment, true>,
    private readonly registry: RegistrySnapshot,
    private readonly receipts: ReceiptsRepository,
    private readonly producer: KafkaProducer,
    private readonly topics: KafkaTopics,
    @InjectMetric(METRIC_EVENTS) private readonly events: Counter,
    @InjectMetric(METRIC_REJECTIONS) private readonly rejections: Counter,
    @InjectMetric(METRIC_PRODUCE_SECONDS) private readonly produceSeconds: Histogram,
  ) {
    this.pseudonymiser = new Pseudonymiser(
      pseudonymKeyChain({
        PSEUDONYM_SECRET: config.get('PSEUDONYM_SECRET', { infer: true }),
        PSEUDONYM_KEY_ID: config.get('PSEUDONYM_KEY_ID', { infer: true }),
        PSEUDONYM_PREVIOUS_KEYS: config.get('PSEUDONYM_PREVIOUS_KEYS', { infer: true }),
      }),
    );
    this.maxClockSkewMs = config.get('EVENT_MAX_CLOCK_SKEW_SECONDS', { infer: true }) * 1000;
    this.maxAgeMs = config.get('EVENT_MAX_AGE_DAYS', { infer: true }) * 86_400_000;
  }

  /** One outcome per input, in order. Throws EventsNotDurableError when the canonical topic cannot take them. */
  async intake(inputs: unknown[], options: IntakeOptions): Promise<IntakeOutcome[]> {
    const receivedAt = new Date();
    const context = this.validationContext(receivedAt, options.maxAgeMs);
    const outcomes: IntakeOutcome[] = [];
    const candidates = new Map<string, { index: number; event: CanonicalEvent }>();

    inputs.forEach((input, index) => {
      const claimed = claimedInstitution(input);
      if (options.reportingInstitution && claimed !== undefined && claimed !== options.reportingInstitution) {
        outcomes[index] = { status: 'rejected', eventId: claimedEventId(input), errors: [forbiddenInstitution()] };
        return;
      }
      const result = validateEvent(input, context);
      if (!result.ok) {
        outcomes[index] = { status: 'rejected', eventId: claimedEventId(input), errors: result.errors };
        return;
      }
      const event = toCanonicalEvent(result, this.pseudonymiser, receivedAt, options.importId);
      const key = eventVersionKey(event);
      outcomes[index] = { status: candidates.has(key) ? 'duplicate' : 'accepted', eventId: event.eventId, version: event.version };
      if (!candidates.has(key)) candidates.set(key, { index, event });
    });

    const seenBefore = await this.receipts.alreadyAccepted([...candidates.values()].map((c) => c.event));
    const fresh = [...candidates].filter(([key, candidate]) => {
      if (!seenBefore.has(key)) return true;
      outcomes[candidate.index] = { status: 'duplicate', eventId: candidate.event.eventId, version: candidate.event.version };
      return false;
    });
    await this.carryFirstReceipts(fresh.map(([, c]) => c.event));
    await this.makeDurable(
      fresh.map(([, c]) => c),
      options,
    );
    this.receipts.recordBehind(fresh.map(([, c]) => c.event));

    this.count(outcomes, options.door);
    return outcomes;
  }

  /**
   * A later version of a disease card carries when the door received the card's first version:
   * reporting timeliness is judged on it, and a revision days later must not make a timely card late.
   */
  private async carryFirstReceipts(events: CanonicalEvent[]): Promise<void> {
    const later = events.filter((e) => e.type === 'disease_report' && e.version > 1);
    if (later.length === 0) return;
    const first = await this.receipts.firstReceipts(later);
    for (const event of later) {
      const at = first.get(eventKey(event));
      if (at !== undefined && at < event.receivedAt) event.firstReceivedAt = at;
    }
  }

  private async makeDurable(events: { index: number; event: CanonicalEvent }[], { door, correlationId }: IntakeOptions): Promise<void> {
    if (events.length === 0) return;
    const correlationOf = (index: number) => (typeof correlationId === 'string' ? correlationId : correlationId?.[index]);
    const stopTimer = this.produceSeconds.startTimer({ door });
    try {
      await this.producer.send(
        this.topics.name('events'),
        events.map(({ index, event }) => ({ key: event.institution.county, value: event, headers: canonicalEventHeaders(event, correlationOf(index)) })),
      );
    } catch (error) {
      throw new EventsNotDurableError(error);
    } finally {
      stopTimer();
    }
  }

  private validationContext(now: Date, maxAgeMs = this.maxAgeMs): ValidationContext {
    return { now, maxClockSkewMs: this.maxClockSkewMs, maxAgeMs, ...this.registry.lookups };
  }

  private count(outcomes: IntakeOutcome[], door: Door) {
    for (const outcome of outcomes) {
      this.events.inc({ door, result: outcome.status });
      if (outcome.status === 'rejected') for (const error of outcome.errors) this.rejections.inc({ door, code: error.code });
    }
  }
}

export function claimedInstitution(input: unknown): string | undefined {
  const value = isRecord(input) ? input.institutionId : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The sender's eventId when it is a plausible one (and could not be an ID number), so a rejection can be matched to the sender's record. */
function claimedEventId(input: unknown): string | undefined {
  const value = isRecord(input) ? input.eventId : undefined;
  return typeof value === 'string' && value.length <= 64 && !hasIdLikeRun(value) ? value : undefined;
}

function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}
