import { rawSignatureHeaders, rawSigningKey, type HealthEvent } from '@lib/contracts';
import type { OutgoingMessage } from '@lib/kafka';
import { readCredentialsFile } from './credentials-file';
import { emptyTally, type EventSink, type SinkTally } from './event-sink';

/** The part of `KafkaProducer` the sink needs (so the CLI can pass one built outside Nest). */
export interface RawProducer {
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
}

/** What signs one institution's messages: its API key's id and signing key. */
interface Signer {
  keyId: string;
  signingKey: string;
}

/**
 * The raw Kafka door (`health.events.raw.v1`), as an institution producing directly would use it:
 * key = institutionId, each message signed with the institution's API key (hi-key-id, hi-signed-at,
 * hi-signature; `apps/ingest/README.md`), the keys and their ids from the demo credentials file.
 * Ingest's raw-door consumer validates; results are not answered here, so everything the broker
 * took counts as `accepted` by the broker (rejections land in the DLQ). An institution the file has
 * no key (or key id) for cannot sign: its events are errors.
 */
export class KafkaSink implements EventSink {
  readonly name = 'kafka';
  private signers?: Map<string, Signer>;

  constructor(
    private readonly producer: RawProducer,
    private readonly topic: string,
    private readonly batchSize: number,
    private readonly credentialsFile: string,
    private readonly close_: () => Promise<void> = () => Promise.resolve(),
  ) {}

  async send(events: HealthEvent[]): Promise<SinkTally> {
    const signers = await this.loadSigners();
    const tally = emptyTally();
    const messages: OutgoingMessage[] = [];
    for (const event of events) {
      const signer = signers.get(event.institutionId);
      if (signer) messages.push(signed(signer, event));
      else {
        tally.sent += 1;
        tally.errors += 1;
      }
    }
    for (let i = 0; i < messages.length; i += this.batchSize) {
      const chunk = messages.slice(i, i + this.batchSize);
      tally.sent += chunk.length;
      try {
        await this.producer.send(this.topic, chunk);
        tally.accepted += chunk.length;
      } catch {
        // The producer already retried (bounded); what it gave up on is an error here, and the feed moves on.
        tally.errors += chunk.length;
      }
    }
    return tally;
  }

  async close(): Promise<void> {
    await this.close_();
  }

  /** Reads the credentials once they exist (until then SinkNotReadyError: the feed waits for seed-demo). */
  private async loadSigners(): Promise<Map<string, Signer>> {
    if (this.signers) return this.signers;
    const { institutions, apiKeyIds } = await readCredentialsFile(this.credentialsFile);
    const signers = new Map<string, Signer>();
    for (const [institutionId, apiKey] of Object.entries(institutions)) {
      const keyId = apiKeyIds[institutionId];
      if (keyId) signers.set(institutionId, { keyId, signingKey: rawSigningKey(apiKey) });
    }
    this.signers = signers;
    return signers;
  }
}

/** The event as an institution sends it: signed over the exact bytes KafkaProducer writes (the event's JSON). */
function signed(signer: Signer, event: HealthEvent): OutgoingMessage {
  return { key: event.institutionId, value: event, headers: rawSignatureHeaders(signer.keyId, signer.signingKey, event.institutionId, JSON.stringify(event)) };
}
