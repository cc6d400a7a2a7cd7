import { RAW_SIGNATURE_HEADERS, rawSignature, signaturesMatch } from '@lib/contracts';
import type { ConsumedMessage } from '@lib/kafka';
import type { DoorError } from '../events/intake-outcome';

/**
 * Whether the raw door takes unsigned messages: `required` refuses them (production may not run
 * otherwise), `optional` lets a developer's or a legacy producer's unsigned messages through. A
 * signed message is verified in both.
 */
export const RAW_SIGNATURE_POLICIES = ['required', 'optional'] as const;
export type RawSignaturePolicy = (typeof RAW_SIGNATURE_POLICIES)[number];

/** An unrevoked API key as a signer: its institution and its signing key (the key's SHA-256). */
export interface Signer {
  institutionId: string;
  signingKey: string;
}

/** The API key ids the messages claim to be signed with (to look their signers up in one query). */
export function claimedKeyIds(messages: readonly ConsumedMessage[]): string[] {
  return messages.flatMap((m) => (m.headers[RAW_SIGNATURE_HEADERS.keyId] ? [m.headers[RAW_SIGNATURE_HEADERS.keyId]] : []));
}

/**
 * Binds a raw message to one institution: its signature must verify with an unrevoked API key, and
 * the event's institutionId must be that key's institution. Returns the reason to dead-letter it,
 * or undefined when it may go on to validation.
 */
export function producerIdentityError(
  message: ConsumedMessage,
  claimedInstitution: string | undefined,
  signers: ReadonlyMap<string, Signer>,
  policy: RawSignaturePolicy,
): DoorError | undefined {
  const keyId = message.headers[RAW_SIGNATURE_HEADERS.keyId];
  const signedAt = message.headers[RAW_SIGNATURE_HEADERS.signedAt];
  const signature = message.headers[RAW_SIGNATURE_HEADERS.signature];
  if (keyId === undefined && signature === undefined) {
    return policy === 'required' ? unauthenticated('The message is not signed (headers hi-key-id, hi-signed-at, hi-signature)') : undefined;
  }
  const signer = keyId === undefined ? undefined : signers.get(keyId.toLowerCase());
  if (!signer || signedAt === undefined || signature === undefined)
    return unauthenticated('The signing API key is unknown or revoked, or a signature header is missing');
  if (!signaturesMatch(rawSignature(signer.signingKey, signedAt, message.key, message.value ?? Buffer.alloc(0)), signature)) {
    return unauthenticated('The signature does not verify over the message key, value and hi-signed-at');
  }
  if (claimedInstitution !== signer.institutionId) {
    return { path: 'institutionId', code: 'institution_mismatch', message: "The event's institutionId is not the institution of the signing API key" };
  }
  return undefined;
}

function unauthenticated(message: string): DoorError {
  return { path: '', code: 'unauthenticated_producer', message };
}
