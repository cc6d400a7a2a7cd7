import { Readable } from 'node:stream';
import type { ConfigService } from '@nestjs/config';
import type { EventIntake, IntakeOptions } from '../events/event-intake.service';
import { EventsNotDurableError, IntakeOutcome } from '../events/intake-outcome';
import { IngestEnvironment } from '../ingest.environment';
import { EventImport } from './event-import.service';
import type { EventImportsRepository } from './event-imports.repository';
import type { ImportLine } from './import-lines';

/** The app's default IMPORT_CHUNKS_IN_FLIGHT, read the way the service reads it. */
const CHUNKS_IN_FLIGHT = new IngestEnvironment().IMPORT_CHUNKS_IN_FLIGHT;
const defaults = { get: () => CHUNKS_IN_FLIGHT } as unknown as ConfigService<IngestEnvironment, true>;

type Input = { institutionId: string; eventId: string; version: number };

/**
 * An intake that answers each call when the test says so (any order), remembering what it was given
 * and what was accepted, like the receipts: a version accepted before is a duplicate.
 */
class ControlledIntake {
  readonly calls: { inputs: Input[]; answer: (error?: Error) => void }[] = [];
  private readonly accepted = new Set<string>();
  maxInFlight = 0;
  private inFlight = 0;

  intake(inputs: unknown[], _options: IntakeOptions): Promise<IntakeOutcome[]> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // Looked up when the call starts (as the receipts are), recorded when it ends.
    const seen = new Set(this.accepted);
    return new Promise((resolve, reject) => {
      this.calls.push({
        inputs: inputs as Input[],
        answer: (error) => {
          this.inFlight -= 1;
          if (error) return reject(error);
          const outcomes = (inputs as Input[]).map((input): IntakeOutcome => {
            const key = `${input.institutionId}/${input.eventId}/${input.version}`;
            const status = seen.has(key) ? 'duplicate' : 'accepted';
            this.accepted.add(key);
            return { status, eventId: input.eventId, version: input.version };
          });
          resolve(outcomes);
        },
      });
    });
  }
}

const noProgress = { progress: () => Promise.resolve() } as unknown as EventImportsRepository;
const tick = () => new Promise((resolve) => setImmediate(resolve));

function ndjson(inputs: Input[]): Readable {
  return Readable.from([Buffer.from(inputs.map((i) => JSON.stringify(i)).join('\n') + '\n')]);
}

const events = (from: number, count: number, prefix = 'E'): Input[] =>
  Array.from({ length: count }, (_, i) => ({ institutionId: 'I-1', eventId: `${prefix}-${from + i}`, version: 1 }));

/** Starts an upload and answers the intake's calls newest first, one a turn of the event loop (call `fail` with an error). */
async function upload(inputs: Input[], fail?: number) {
  const intake = new ControlledIntake();
  const importer = new EventImport(intake as unknown as EventIntake, noProgress, defaults);
  const lines: ImportLine[] = [];
  let settled = false;
  const done = importer
    .upload(ndjson(inputs), { importId: 'imp', format: 'ndjson', maxAgeDays: 1000, firstRow: 1 }, (line) => Promise.resolve(void lines.push(line)))
    .then(
      () => undefined,
      (e: unknown) => e,
    )
    .finally(() => (settled = true));
  const answered = new Set<number>();
  while (!settled) {
    await tick();
    let next = intake.calls.length - 1;
    while (next >= 0 && answered.has(next)) next -= 1;
    if (next >= 0) {
      answered.add(next);
      intake.calls[next].answer(next === fail ? new EventsNotDurableError(new Error('broker away')) : undefined);
    }
  }
  const error = await done;
  return { intake, lines, error };
}

describe('EventImport: a few chunks in flight, settled in file order', () => {
  it('keeps up to IMPORT_CHUNKS_IN_FLIGHT chunks in flight and reports checkpoints in file order whatever order they become durable (here newest first)', async () => {
    const inputs = events(0, 5500);
    const { intake, lines, error } = await upload(inputs);
    expect(error).toBeUndefined();
    expect(intake.maxInFlight).toBe(CHUNKS_IN_FLIGHT);
    const checkpoints = lines.filter((l) => l.type === 'checkpoint');
    expect(checkpoints.map((c) => c.nextRow)).toEqual([1001, 2001, 3001, 4001, 5001, 5501]);
    expect(lines[lines.length - 1]).toMatchObject({ type: 'end', complete: true, rows: 5500, accepted: 5500, duplicate: 0 });
  });

  it('waits for a chunk in flight before sending a chunk that repeats one of its events: counted once, the repeat a duplicate', async () => {
    const inputs = [...events(0, 1000), ...events(0, 1000)];
    const { intake, lines } = await upload(inputs);
    expect(intake.maxInFlight).toBe(1);
    expect(lines[lines.length - 1]).toMatchObject({ type: 'end', rows: 2000, accepted: 1000, duplicate: 1000 });
  });

  it('after a chunk fails, checkpoints stop before it even when later chunks were made durable', async () => {
    const inputs = events(0, 4000);
    const { lines, error } = await upload(inputs, 1);
    expect(error).toBeInstanceOf(EventsNotDurableError);
    expect(lines.filter((l) => l.type === 'checkpoint').map((c) => c.nextRow)).toEqual([1001]);
    expect(lines.some((l) => l.type === 'end')).toBe(false);
  });
});
