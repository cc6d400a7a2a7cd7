import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './errors/api-error';
import { sendError } from './errors/error-body';

/**
 * PostgreSQL text cannot hold U+0000, so a NUL that reaches a query fails there as a 500. Refused at
 * the edge instead, in the URL (`?cursor=%00`) and in JSON bodies (`"name": "a\u0000b"`), with 400
 * `nul_character`. Paths in `bodyCheckedElsewhere` validate their bodies item by item (ingest's
 * events reject a control character per event) and keep their own answer.
 */
export function refuseNulCharacters(bodyCheckedElsewhere: readonly string[] = []) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    const inUrl = /%00|\u0000/.test(request.originalUrl);
    const inBody = !bodyCheckedElsewhere.includes(request.path) && holdsNul(request.body);
    if (!inUrl && !inBody) return next();
    sendError(
      request,
      response,
      new ApiError('nul_character', `The ${inUrl ? 'URL' : 'request body'} contains a NUL character (U+0000), which no field accepts`),
    );
  };
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
