import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { APP_NODE_FLAGS } from './app-node-flags';

// Works from the sources (tests, ts-jest) and from dist/tools/lib (benchmarks).
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

export type AppName = 'ingest' | 'aggregator' | 'query' | 'alerting' | 'simulator';

/**
 * One of the project's apps as a real OS process (built code in dist/, started with its Node flags
 * like in production: APP_NODE_FLAGS), so tests and benchmarks can
 * kill it the way a crash would, and read its pid for memory. Output is kept for failure messages.
 */
export class AppProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(
    readonly app: AppName,
    readonly port: number,
    /** The complete environment of the process; PORT defaults to `port`. */
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get logs(): string {
    return this.output;
  }

  /** Starts the process and waits until its /health answers ok. */
  async start(timeoutMs = 60_000): Promise<this> {
    const exited = this.spawn();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) {
        await exited;
        throw new Error(`${this.app} exited with ${this.child?.exitCode} before it was healthy:\n${this.output.slice(-3000)}`);
      }
      if (await this.healthy()) return this;
      await sleep(250);
    }
    throw new Error(`${this.app} not healthy within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
  }

  /** Starts the process and resolves with its exit code (for apps expected to refuse to start). */
  async run(): Promise<number | null> {
    return this.spawn();
  }

  async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no shutdown hooks, no goodbye — a crash. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: graceful shutdown. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private spawn(): Promise<number | null> {
    this.output = '';
    const child = spawn(process.execPath, [...APP_NODE_FLAGS[this.app], path.join(ROOT, 'dist/apps', this.app, 'src/main.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value that `done` accepts, or fails with the last value seen. */
export async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (done(last)) return last;
    await sleep(200);
  }
  throw new Error(`condition not reached within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
}
