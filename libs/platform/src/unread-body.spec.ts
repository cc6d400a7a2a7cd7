import { Agent, createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { drainRest, type DrainBound } from './unread-body';

/** Reads 16 KiB of a body, answers, and then drains the rest within `bound` (as the onResponse hook does). */
function earlyAnsweringServer(bound: DrainBound): Server {
  return createServer((request, response) => {
    const body = request.pipe(new PassThrough());
    let read = 0;
    body.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read < 16 * 1024 || response.headersSent) return;
      body.destroy();
      response.once('finish', () => drainRest(request, bound));
      response.end('answered\n');
    });
    body.on('end', () => response.headersSent || response.end('answered\n'));
  });
}

/** A POST whose answer is read to its end; `closed` settles when the connection closes (the client never closes it). */
function post(port: number, agent: Agent, body: Readable): Promise<{ request: ClientRequest; text: string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ port, host: '127.0.0.1', method: 'POST', agent });
    request.on('error', () => undefined); // writes after the server closed: what a client still sending meets
    request.once('response', (response) => {
      const socket = request.socket!;
      const closed = new Promise<void>((done) => socket.once('close', () => done()));
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.once('end', () => resolve({ request, text, closed }));
      response.once('error', reject);
    });
    body.pipe(request);
  });
}

describe('drainRest', () => {
  let server: Server;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    server = earlyAnsweringServer({ bytes: 1024 * 1024, ms: 60_000 });
    // No keep-alive timeout: a connection the drain does not free or close stays as it is.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads the rest of a body answered early, so the connection carries the next request', async () => {
    const first = await post(port, agent, Readable.from([Buffer.alloc(256 * 1024, 'a')]));
    const next = await post(port, agent, Readable.from([Buffer.alloc(256 * 1024, 'b')]));
    expect([first.text, next.text, next.request.reusedSocket]).toEqual(['answered\n', 'answered\n', true]);
  });

  it('closes the connection, the answer sent, when the client goes on sending past the bound', async () => {
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(64 * 1024, 'c');
      })(),
    );
    const part = await post(port, new Agent({ keepAlive: true }), endless);
    expect(part.text).toBe('answered\n');
    await part.closed;
    endless.destroy();
  });
});
