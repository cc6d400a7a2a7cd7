import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { HealthEvent } from '@lib/contracts';
import { emptyTally, type EventSink, type SinkTally } from './event-sink';

/**
 * One event per line (NDJSON), for replay and benchmarks: the file can be fed to the HTTP door or
 * the raw topic later, byte for byte the same events. Appends, so a restarted feed continues a file.
 */
export class FileSink implements EventSink {
  readonly name = 'file';
  private readonly out: WriteStream;

  constructor(path: string, options: { truncate?: boolean } = {}) {
    mkdirSync(dirname(path), { recursive: true });
    this.out = createWriteStream(path, { flags: options.truncate ? 'w' : 'a' });
  }

  async send(events: HealthEvent[]): Promise<SinkTally> {
    const tally = emptyTally();
    let chunk = '';
    for (const event of events) chunk += `${JSON.stringify(event)}\n`;
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
    tally.sent = tally.accepted = events.length;
    return tally;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
