import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { correlationOfCurrentRequest, logHttpRequests, RequestLogPolicy, withoutSecrets } from './request-log';

describe('withoutSecrets', () => {
  it('redacts tokens in query strings and keeps the rest', () => {
    expect(withoutSecrets('/v1/stream?region=610921&token=hbt_secret&x=1')).toBe('/v1/stream?region=610921&token=[redacted]&x=1');
    expect(withoutSecrets('/dashboard?token=hbt_secret')).toBe('/dashboard?token=[redacted]');
    expect(withoutSecrets('/v1/indicators')).toBe('/v1/indicators');
  });
});

describe('RequestLogPolicy', () => {
  it('logs every answer ≥ 400 and every abandoned request', () => {
    const policy = new RequestLogPolicy(100);
    expect(policy.lineFor(503, true)).toEqual({ level: 'error', message: 'request errored' });
    expect(policy.lineFor(500, false)).toEqual({ level: 'error', message: 'request errored' });
    expect(policy.lineFor(202, false)).toEqual({ level: 'warn', message: 'request aborted' });
    for (const status of [400, 401, 403, 413, 422, 429]) expect(policy.lineFor(status, true)).toEqual({ level: 'info', message: 'request completed' });
  });

  it('logs one in n of the other answers, the first included, marked with the n it stands for', () => {
    const policy = new RequestLogPolicy(3);
    const lines = [200, 202, 304, 200, 202, 200, 202].map((status) => policy.lineFor(status, true));
    expect(lines).toEqual([
      { level: 'info', message: 'request completed', sampled: 3 },
      undefined,
      undefined,
      { level: 'info', message: 'request completed', sampled: 3 },
      undefined,
      undefined,
      { level: 'info', message: 'request completed', sampled: 3 },
    ]);
    // Errors are not part of the count.
    expect(policy.lineFor(422, true)).toBeDefined();
    expect(policy.lineFor(200, true)).toBeUndefined();
  });

  it('1 logs every request, 0 none below 400', () => {
    const every = new RequestLogPolicy(1);
    expect([200, 202].map((status) => every.lineFor(status, true))).toEqual([
      { level: 'info', message: 'request completed' },
      { level: 'info', message: 'request completed' },
    ]);
    const none = new RequestLogPolicy(0);
    expect([200, 202, 304].map((status) => none.lineFor(status, true))).toEqual([undefined, undefined, undefined]);
    expect(none.lineFor(404, true)).toEqual({ level: 'info', message: 'request completed' });
  });
});

describe('logHttpRequests', () => {
  let server: Server;
  let lines: Record<string, unknown>[];

  /** A server with the access log in front of a handler answering `?status=` (and logging a line of its own meanwhile). */
  async function start(sampleEvery: number, level = 'info') {
    lines = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const logger = pino({ level, mixin: correlationOfCurrentRequest }, sink);
    const log = logHttpRequests(logger, new RequestLogPolicy(sampleEvery));
    server = createServer((request, response) =>
      log(request, response, () => {
        setImmediate(() => {
          logger.info('handling');
          response.statusCode = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
          response.end('{}');
        });
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });

  // The access line is written on the response's close, which may come after the client has its answer.
  async function linesWritten(count: number) {
    while (lines.length < count) await new Promise((resolve) => setImmediate(resolve));
  }

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('writes an error answer with the correlation id, which the lines written while handling it carry too', async () => {
    await start(100);
    await get('/v1/events?status=503&token=hbt_secret', { 'x-request-id': 'req-42' });
    await linesWritten(2);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'handling', correlationId: 'req-42' }),
      expect.objectContaining({
        msg: 'request errored',
        level: 50,
        correlationId: 'req-42',
        req: { id: 'req-42', method: 'GET', url: '/v1/events?status=503&token=[redacted]' },
        res: { statusCode: 503 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('samples the successful answers and never logs health probes and scrapes', async () => {
    await start(2);
    for (const path of ['/v1/a', '/v1/b', '/v1/c', '/health', '/metrics', '/v1/d?status=422']) await get(path);
    await linesWritten(9); // six handling lines, three access lines
    const access = lines.filter((line) => line.msg !== 'handling');
    expect(access.map((line) => [(line.req as { url: string }).url, line.sampled])).toEqual([
      ['/v1/a', 2],
      ['/v1/c', 2],
      ['/v1/d?status=422', undefined],
    ]);
  });

  it('writes nothing below the logger level', async () => {
    await start(1, 'warn');
    await get('/v1/a');
    await get('/v1/b?status=404');
    await get('/v1/c?status=500');
    await linesWritten(1);
    expect(lines.map((line) => line.msg)).toEqual(['request errored']);
  });
});
