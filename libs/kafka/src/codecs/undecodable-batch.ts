import { randomBytes } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import type { CodecName, UndecodableReason } from './decompression';

/**
 * A record batch no codec could hand over, as its consumer sees it: one placeholder message per
 * record it held (same offsets, no key, no value), each marked with this.
 */
export interface UndecodableBatch {
  reason: UndecodableReason;
  codec: CodecName;
  /** Offset of the batch's first record: the placeholders of one batch share it. */
  batchOffset: string;
}

/**
 * kafkajs decodes a fetched record batch in one go and hands the compressed records to the codec
 * with nothing else: a codec that throws fails the whole fetch, every partition of the broker, again
 * and again. So the codec answers a batch it refuses with placeholder records instead, which kafkajs
 * decodes and delivers at the batch's offsets; the consumer then moves past them like past any
 * message it rejects.
 *
 * The codec learns the batch's offsets and record count from the batch header (KIP-98 record batch
 * v2), which sits in memory right before the compressed records: kafkajs slices, never copies, the
 * fetch response. The header is checked (magic byte, length, codec bits) before it is trusted;
 * when it does not check out, there are no placeholders and the refusal fails the fetch.
 */
const HEADER_BYTES = 61;
const LENGTH_AT = 8;
const MAGIC_AT = 16;
const ATTRIBUTES_AT = 21;
const LAST_OFFSET_DELTA_AT = 23;
const RECORD_COUNT_AT = 57;
/** Bytes of the header counted by its length field but before the records (epoch to record count). */
const LENGTH_BEFORE_RECORDS = HEADER_BYTES - LENGTH_AT - 4;
/** Placeholders cost ~50 bytes each; a batch claiming more records than this fails the fetch instead. */
const MAX_PLACEHOLDERS = 100_000;

const CODEC_BITS: Record<CodecName, number> = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

/** Marks placeholders; its value starts with a secret of this process, so no producer can forge one. */
const MARK_HEADER = 'x-health-undecodable-batch';
const MARK_SECRET = randomBytes(12).toString('hex');

interface BatchHeader {
  firstOffset: bigint;
  lastOffsetDelta: number;
  records: number;
}

/** The header of the batch whose compressed records are `compressed`, when it can be found and checks out. */
export function batchHeaderOf(compressed: Buffer, codec: CodecName): BatchHeader | undefined {
  if (compressed.byteOffset < HEADER_BYTES) return undefined;
  const header = Buffer.from(compressed.buffer, compressed.byteOffset - HEADER_BYTES, HEADER_BYTES);
  const records = header.readInt32BE(RECORD_COUNT_AT);
  const lastOffsetDelta = header.readInt32BE(LAST_OFFSET_DELTA_AT);
  const fits =
    header.readInt8(MAGIC_AT) === 2 &&
    header.readInt32BE(LENGTH_AT) === LENGTH_BEFORE_RECORDS + compressed.length &&
    (header.readInt16BE(ATTRIBUTES_AT) & 0x07) === CODEC_BITS[codec] &&
    records >= 1 &&
    records <= lastOffsetDelta + 1;
  return fits ? { firstOffset: header.readBigInt64BE(0), lastOffsetDelta, records } : undefined;
}

/**
 * `records` placeholder records (as the decompressed records of a batch) at the batch's offsets: the
 * first ones one apart, the last at the batch's last offset, so the consumer resumes after the batch.
 */
export function placeholderRecords(header: BatchHeader, reason: UndecodableReason, codec: CodecName): Buffer | undefined {
  if (header.records > MAX_PLACEHOLDERS) return undefined;
  const mark = Buffer.from(`${MARK_SECRET} ${reason} ${codec} ${header.firstOffset}`);
  const records: Buffer[] = [];
  for (let i = 0; i < header.records; i += 1) {
    const offsetDelta = i === header.records - 1 ? header.lastOffsetDelta : i;
    records.push(placeholder(offsetDelta, mark));
  }
  return Buffer.concat(records);
}

/** The mark of a placeholder message, or undefined for a message a producer sent. */
export function undecodableBatchOf(headers: IHeaders | undefined): UndecodableBatch | undefined {
  const value = headers?.[MARK_HEADER];
  if (!Buffer.isBuffer(value)) return undefined;
  const [secret, reason, codec, batchOffset] = value.toString().split(' ');
  if (secret !== MARK_SECRET) return undefined;
  return { reason: reason as UndecodableReason, codec: codec as CodecName, batchOffset };
}

/**
 * Whether `records` length-prefixed records fill the decompressed bytes: the shape kafkajs reads next,
 * which would otherwise fail the fetch on a batch whose inner framing is broken.
 */
export function holdsRecords(decompressed: Buffer, records: number): boolean {
  let at = 0;
  for (let i = 0; i < records; i += 1) {
    const length = readVarInt(decompressed, at);
    if (length === undefined || length.value < 0) return false;
    at = length.next + length.value;
    if (at > decompressed.length) return false;
  }
  return true;
}

/** Record v2: length, attributes, timestamp delta, offset delta, key, value, headers (all varints zig-zag). */
function placeholder(offsetDelta: number, mark: Buffer): Buffer {
  const body = Buffer.concat([
    Buffer.from([0]), // attributes
    varInt(0), // timestamp delta: the batch's first timestamp
    varInt(offsetDelta),
    varInt(-1), // no key
    varInt(-1), // no value
    varInt(1), // one header
    varInt(MARK_HEADER.length),
    Buffer.from(MARK_HEADER),
    varInt(mark.length),
    mark,
  ]);
  return Buffer.concat([varInt(body.length), body]);
}

function varInt(value: number): Buffer {
  let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
  const bytes: number[] = [];
  while (zigzag > 0x7f) {
    bytes.push((zigzag & 0x7f) | 0x80);
    zigzag >>>= 7;
  }
  bytes.push(zigzag);
  return Buffer.from(bytes);
}

function readVarInt(buffer: Buffer, at: number): { value: number; next: number } | undefined {
  let zigzag = 0;
  for (let i = 0; i < 5; i += 1) {
    if (at + i >= buffer.length) return undefined;
    const byte = buffer[at + i];
    zigzag |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return { value: (zigzag >>> 1) ^ -(zigzag & 1), next: at + i + 1 };
  }
  return undefined;
}
