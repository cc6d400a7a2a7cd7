import { UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { credentialBeforeBody } from './credential-before-body';

function exchange(headers: Record<string, string>) {
  const request = { headers, path: '/v1/events', id: 'corr-1' } as unknown as Request;
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  } as unknown as Response;
  return { request, response, sent };
}

describe('credentialBeforeBody', () => {
  const refuse = () => {
    throw new UnauthorizedException({ code: 'invalid_api_key', message: 'The API key is unknown or revoked' });
  };

  it('lets a request without a body through unchecked (its guard checks it)', async () => {
    const check = jest.fn(refuse);
    const { request, response } = exchange({ authorization: 'Bearer hik_x' });
    const next = jest.fn();
    await credentialBeforeBody(check)(request, response, next);
    expect([check.mock.calls.length, next.mock.calls.length]).toEqual([0, 1]);
  });

  it("answers a body with a refused credential with the check's own error, unread, and closes the connection", async () => {
    for (const headers of [{ 'content-length': '4194304' }, { 'transfer-encoding': 'chunked' }] as Array<Record<string, string>>) {
      const { request, response, sent } = exchange(headers);
      const next = jest.fn();
      await credentialBeforeBody(refuse)(request, response, next);
      expect(next).not.toHaveBeenCalled();
      expect(sent).toMatchObject({
        status: 401,
        body: { statusCode: 401, code: 'invalid_api_key', correlationId: 'corr-1' },
        headers: { connection: 'close' },
      });
    }
  });

  it('lets a body with a good credential through to the parser', async () => {
    const { request, response, sent } = exchange({ 'content-length': '10', authorization: 'Bearer hik_good' });
    const next = jest.fn();
    await credentialBeforeBody(() => Promise.resolve('an institution'))(request, response, next);
    expect([next.mock.calls.length, sent.status]).toEqual([1, undefined]);
  });

  it('answers a failing lookup (database down) as a 500 without internals, not through to the parser', async () => {
    const { request, response, sent } = exchange({ 'content-length': '10', authorization: 'Bearer hik_x' });
    const next = jest.fn();
    await credentialBeforeBody(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')))(request, response, next);
    expect(next).not.toHaveBeenCalled();
    expect(sent).toMatchObject({ status: 500, body: { code: 'internal_error' } });
    expect(JSON.stringify(sent.body)).not.toContain('ECONNREFUSED');
  });
});
