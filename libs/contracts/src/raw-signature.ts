import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a message on the raw topic says which institution produced it (CONTRACT.md, "Kafka door"):
 * three headers, made with the institution's own API key, that the ingest normaliser verifies.
 * A Kafka principal may be shared by many clinics (an integrator's), so the broker alone cannot
 * tell them apart; the signature can.
 */
export const RAW_SIGNATURE_HEADERS = {
  /** The id of the API key (as issued by POST /v1/admin/api-keys). */
  keyId: 'hi-key-id',
  /** The producer's clock when it signed (any string it chooses, e.g. epoch milliseconds): part of what is signed. */
  signedAt: 'hi-signed-at',
  /** `v1=` and the lower-case hex HMAC-SHA256 of `v1\n<signedAt>\n<message key>\n<message value>`. */
  signature: 'hi-signature',
} as const;

/**
 * The signature of one raw message. The HMAC key is the API key's SHA-256 in lower-case hex (the
 * signing key: what the registry stores, so ingest can verify without ever holding the API key).
 */
export function rawSignature(signingKey: string, signedAt: string, key: string | null, value: Buffer | string): string {
  const mac = createHmac('sha256', signingKey);
  mac.update(`v1\n${signedAt}\n${key ?? ''}\n`);
  mac.update(value);
  return `v1=${mac.digest('hex')}`;
}

/** The signing key of an API key: its SHA-256 in lower-case hex (equal to the hash the registry stores). */
export function rawSigningKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** The three headers that sign a message with an API key's signing key. */
export function rawSignatureHeaders(
  keyId: string,
  signingKey: string,
  key: string | null,
  value: Buffer | string,
  signedAt = String(Date.now()),
): Record<string, string> {
  return {
    [RAW_SIGNATURE_HEADERS.keyId]: keyId,
    [RAW_SIGNATURE_HEADERS.signedAt]: signedAt,
    [RAW_SIGNATURE_HEADERS.signature]: rawSignature(signingKey, signedAt, key, value),
  };
}

/** Whether a given signature is the expected one (constant time: no byte-by-byte guessing). */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
