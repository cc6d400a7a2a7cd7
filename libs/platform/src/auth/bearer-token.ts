/** The secret of an `Authorization: Bearer <secret>` header, if any. */
export function bearerToken(request: { headers: { authorization?: string } }): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}
