import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** What the receiver answered. */
  status: number;
}

/**
 * A bureau's webhook endpoint on 127.0.0.1 for tests: records every request, can fail the first N
 * deliveries of each idempotency key, and exposes the deduplicated set a careful receiver would keep.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private server?: Server;
  private readonly failures = new Map<string, number>();

  /** Paths whose first `n` deliveries (per idempotency key) answer 500. */
  failFirst(path: string, n: number): void {
    this.failures.set(path, n);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0];
        const key = String(req.headers['idempotency-key'] ?? '');
        const seen = this.requests.filter((r) => r.path === path && r.headers['idempotency-key'] === key).length;
        const status = seen < (this.failures.get(path) ?? 0) ? 500 : 200;
        this.requests.push({ path, url: req.url ?? '/', headers: req.headers, body, at: Date.now(), status });
        res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"errcode":0,"errmsg":"ok"}' : '{"error":"down"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** Accepted deliveries at a path, one per idempotency key (what a receiver that drops repeats keeps). */
  accepted(path: string): ReceivedRequest[] {
    const byKey = new Map<string, ReceivedRequest>();
    for (const r of this.requests) if (r.path === path && r.status === 200) byKey.set(String(r.headers['idempotency-key']), r);
    return [...byKey.values()];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
