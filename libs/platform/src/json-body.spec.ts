import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { errorBody } from './errors/error-body';
import { bytesOf, parseJsonBodies } from './json-body';

/** A server with the one JSON parser in front of a route echoing the parsed body; errors answered as the apps answer them. */
async function server(limit = 1024) {
  const app = Fastify();
  parseJsonBodies(app, limit);
  app.setErrorHandler((error, _request, reply) => {
    const body = errorBody(error);
    void reply.code(body.statusCode).send(body);
  });
  app.post('/echo', (request, reply) => reply.send({ body: request.body ?? null }));
  await app.ready();
  return app;
}

async function post(payload: string | Buffer, headers: Record<string, string> = {}, limit?: number) {
  const app = await server(limit);
  try {
    const answer = await app.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': 'application/json', ...headers } });
    return { status: answer.statusCode, body: answer.json<{ code?: string; body?: unknown }>() };
  } finally {
    await app.close();
  }
}

describe('parseJsonBodies', () => {
  it('parses JSON and +json bodies, gzip-compressed ones and a leading BOM included', async () => {
    expect(await post('{"a":1}')).toEqual({ status: 200, body: { body: { a: 1 } } });
    expect(await post('[1]', { 'content-type': 'application/fhir+json; charset=utf-8' })).toEqual({ status: 200, body: { body: [1] } });
    expect(await post(gzipSync('{"a":2}'), { 'content-encoding': 'gzip' })).toEqual({ status: 200, body: { body: { a: 2 } } });
    expect(await post('\uFEFF{"a":3}')).toEqual({ status: 200, body: { body: { a: 3 } } });
  });

  it('refuses what body-parser refused, with the same codes', async () => {
    const code = async (...args: Parameters<typeof post>) => {
      const { status, body } = await post(...args);
      return { status, code: body.code };
    };
    expect(await code('{"a":')).toEqual({ status: 400, code: 'invalid_json' });
    expect(await code('"a string"')).toEqual({ status: 400, code: 'invalid_json' });
    expect(await code(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ status: 400, code: 'invalid_utf8' });
    expect(await code('{"a":1}', { 'content-type': 'application/json; charset=latin1' })).toEqual({ status: 415, code: 'unsupported_charset' });
    expect(await code('{"a":1}', { 'content-encoding': 'compress' })).toEqual({ status: 415, code: 'unsupported_encoding' });
    expect(await code('not gzip', { 'content-encoding': 'gzip' })).toEqual({ status: 400, code: 'unreadable_body' });
    expect(await code(`{"a":"${'x'.repeat(2000)}"}`)).toEqual({ status: 413, code: 'body_too_large' });
    expect(await code(gzipSync(' '.repeat(5000)), { 'content-encoding': 'gzip' })).toEqual({ status: 413, code: 'body_too_large' });
  });

  it('leaves bodies of other media types unread, for the routes that stream them', async () => {
    expect(await post('a,b\n1,2\n', { 'content-type': 'text/csv' })).toEqual({ status: 200, body: { body: null } });
  });
});

describe('bytesOf', () => {
  it('reads body-parser sizes', () => {
    expect([bytesOf('100kb'), bytesOf('4mb'), bytesOf('512b')]).toEqual([102_400, 4_194_304, 512]);
    expect(() => bytesOf('4 gigs')).toThrow();
  });
});
