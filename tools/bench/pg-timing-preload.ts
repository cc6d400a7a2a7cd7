/**
 * Preload that times every PostgreSQL statement of a process (wall time from submit to result, by
 * statement text, whitespace folded) until it exits. `BENCH_NODE_OPTIONS="--require
 * ./dist/tools/bench/pg-timing-preload.js"` times the apps a benchmark starts; each writes
 * `.local/pg-timing/<pid>.json` under its working directory when it gets SIGTERM, slowest first.
 */
import { Client } from 'pg';
import { writeOnSigterm } from './write-on-sigterm';

interface Timing {
  statements: number;
  nanoseconds: bigint;
}

const timings = new Map<string, Timing>();
const statementOf = (query: unknown): string => {
  const text = typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? (query as object | null)?.constructor?.name ?? '?');
  return text.replace(/\s+/g, ' ').trim();
};

// Unbound on purpose: it is applied to each client it is called on.
// eslint-disable-next-line @typescript-eslint/unbound-method
const query = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
Client.prototype.query = function timed(this: Client, ...args: unknown[]) {
  const statement = statementOf(args[0]);
  const started = process.hrtime.bigint();
  const done = () => {
    const timing = timings.get(statement) ?? { statements: 0, nanoseconds: 0n };
    timing.statements++;
    timing.nanoseconds += process.hrtime.bigint() - started;
    timings.set(statement, timing);
  };
  const result = query.apply(this, args);
  if (result instanceof Promise) result.then(done, done);
  else if (args[0] instanceof Object && 'on' in args[0]) {
    // A COPY stream (pg-copy-streams): done when it finishes or fails.
    const stream = args[0] as NodeJS.EventEmitter;
    stream.once('finish', done).once('error', done);
  }
  return result;
} as typeof Client.prototype.query;

writeOnSigterm('pg-timing', 'json', () => {
  const rows = [...timings]
    .map(([statement, t]) => ({ statement, statements: t.statements, milliseconds: Number(t.nanoseconds / 1_000_000n) }))
    .sort((a, b) => b.milliseconds - a.milliseconds);
  return Promise.resolve(JSON.stringify(rows, null, 1));
});
