import type { Request } from 'express';

/** The secret of an `Authorization: Bearer <secret>` header, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
