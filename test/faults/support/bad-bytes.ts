import fc from 'fast-check';
import { HealthEvent } from '@lib/contracts';

export interface BadBytes {
  kind: string;
  bytes: Buffer;
}

/** Byte sequences that are not UTF-8: stray bytes, a bad continuation, an overlong '/', a surrogate, a 5-byte form, a cut-off sequence. */
const INVALID_UTF8 = [[0xff], [0xfe], [0xc3, 0x28], [0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];

/**
 * Bodies that are not readable JSON events at all (sent as raw Buffers, not through
 * JSON.stringify, which could never produce them): invalid UTF-8 anywhere in a valid event,
 * JSON cut off mid-way, random bytes.
 */
export function badBytes(base: HealthEvent): fc.Arbitrary<BadBytes> {
  const text = Buffer.from(JSON.stringify(base));
  return fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: text.length - 1 }), fc.constantFrom(...INVALID_UTF8)).map(([at, seq]) => ({
      kind: 'invalid_utf8',
      bytes: Buffer.concat([text.subarray(0, at), Buffer.from(seq), text.subarray(at)]),
    })),
    fc.integer({ min: 1, max: text.length - 1 }).map((at) => ({ kind: 'truncated_json', bytes: text.subarray(0, at) })),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ kind: 'random_bytes', bytes: Buffer.from(bytes) })),
  );
}
