import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors/api-error';
import { sendError } from './errors/error-body';
import { pathOf } from './json-only';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL that reaches a query fails there as a 500. Refused at
 * the edge instead with 400 `nul_character`: in the URL (`?cursor=%00`) before anything else (an
 * `onRequest` hook), in JSON bodies (`"name": "a\u0000b"`) once parsed (`preValidation`). Paths in
 * `bodyCheckedElsewhere` validate their bodies item by item (ingest's events reject a control
 * character per event) and keep their own answer.
 */
export function refuseNulCharacters(bodyCheckedElsewhere: readonly string[] = []) {
  return {
    inUrl: (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
      if (!/%00|\u0000/.test(request.url)) return done();
      refuse(request, reply, 'URL');
    },
    inBody: (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
      if (request.body === undefined || bodyCheckedElsewhere.includes(pathOf(request)) || !holdsNul(request.body)) return done();
      refuse(request, reply, 'request body');
    },
  };
}

function refuse(request: FastifyRequest, reply: FastifyReply, where: string): void {
  sendError(request, reply, new ApiError('nul_character', `The ${where} contains a NUL character (U+0000), which no field accepts`));
}

/** Walks a parsed JSON value without recursion (a deeply nested body must not overflow the stack). */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}
