import { UnauthorizedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { credentialBeforeBody } from './credential-before-body';

function exchange(headers: Record<string, string>) {
  const request = { headers, method: 'POST', url: '/v1/events', id: 'corr-1' } as unknown as FastifyRequest;
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    code(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.headers['content-type'] = value;
      return this;
    },
    send: (body: unknown) => (sent.body = body),
  } as unknown as FastifyReply;
  return { request, reply, sent };
}

describe('credentialBeforeBody', () => {
  const refuse = () => {
    throw new UnauthorizedException({ code: 'invalid_api_key', message: 'The API key is unknown or revoked' });
  };
  /** Fastify goes on to read the body when an async hook resolves without the reply. */
  const passed = (outcome: unknown) => outcome === undefined;

  it('lets a request without a body through unchecked (its guard checks it)', async () => {
    const check = jest.fn(refuse);
    const { request, reply } = exchange({ authorization: 'Bearer hik_x' });
    const outcome = await credentialBeforeBody(check)(request, reply);
    expect([check.mock.calls.length, passed(outcome)]).toEqual([0, true]);
  });

  it("answers a body with a refused credential with the check's own error, unread, and closes the connection", async () => {
    for (const headers of [{ 'content-length': '4194304' }, { 'transfer-encoding': 'chunked' }] as Array<Record<string, string>>) {
      const { request, reply, sent } = exchange(headers);
      const outcome = await credentialBeforeBody(refuse)(request, reply);
      expect(passed(outcome)).toBe(false);
      expect(sent).toMatchObject({
        status: 401,
        body: { statusCode: 401, code: 'invalid_api_key', correlationId: 'corr-1' },
        headers: { connection: 'close' },
      });
    }
  });

  it('lets a body with a good credential through to the parser', async () => {
    const { request, reply, sent } = exchange({ 'content-length': '10', authorization: 'Bearer hik_good' });
    const outcome = await credentialBeforeBody(() => Promise.resolve('an institution'))(request, reply);
    expect([passed(outcome), sent.status]).toEqual([true, undefined]);
  });

  it('answers a failing lookup (database down) as a 500 without internals, not through to the parser', async () => {
    const { request, reply, sent } = exchange({ 'content-length': '10', authorization: 'Bearer hik_x' });
    const outcome = await credentialBeforeBody(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')))(request, reply);
    expect(passed(outcome)).toBe(false);
    expect(sent).toMatchObject({ status: 500, body: { code: 'internal_error' } });
    expect(JSON.stringify(sent.body)).not.toContain('ECONNREFUSED');
  });
});
