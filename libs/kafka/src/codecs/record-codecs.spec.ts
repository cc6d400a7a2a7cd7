import { Logger } from '@nestjs/common';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { CodecName } from './decompression';
import { asKafkajsCodec, registerRecordCodecs } from './record-codecs';
import { gzipCodec } from './gzip.codec';
import { undecodableBatchOf } from './undecodable-batch';

/*
 * kafkajs's own record batch encoder and decoder (what its producer and consumer run), so these
 * tests hold the codecs to the exact calls kafkajs makes, batch header in memory included.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch(options: { compression: number; firstOffset: unknown; lastOffsetDelta: number; records: unknown[] }): Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (options: { offsetDelta: number; key: Buffer | null; value: Buffer | null }) => unknown;
const Decoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => unknown;
const decodeRecordBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (decoder: unknown) => Promise<{ records: DecodedRecord[] }>;
const Long = require('kafkajs/src/utils/long') as { fromString(s: string): unknown };

interface DecodedRecord {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
}

const CODEC_BITS: Record<CodecName, number> = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

beforeAll(() => {
  Logger.overrideLogger(false); // each refusal is logged; the assertions say what matters here
  registerRecordCodecs();
});

/** A record batch as it sits in a fetch response, after whatever precedes it there. */
async function encodedBatch(compression: CompressionTypes, values: Buffer[], firstOffset = '1000'): Promise<Buffer> {
  const records = values.map((value, i) => Record({ offsetDelta: i, key: Buffer.from(`k${i}`), value }));
  const { buffer } = await RecordBatch({ compression, firstOffset: Long.fromString(firstOffset), lastOffsetDelta: values.length - 1, records });
  return Buffer.concat([Buffer.from('bytes of the fetch response before the batch'), buffer]);
}

/** A batch header (record batch v2) followed by `compressed` as its records. */
function handMadeBatch(codec: CodecName, records: number, lastOffsetDelta: number, compressed: Buffer, firstOffset = 5000n): Buffer {
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(firstOffset, 0);
  header.writeInt32BE(49 + compressed.length, 8);
  header.writeInt8(2, 16);
  header.writeInt16BE(CODEC_BITS[codec], 21);
  header.writeInt32BE(lastOffsetDelta, 23);
  header.writeBigInt64BE(1_700_000_000_000n, 27);
  header.writeBigInt64BE(1_700_000_000_000n, 35);
  header.writeBigInt64BE(-1n, 43);
  header.writeInt32BE(records, 57);
  return Buffer.concat([Buffer.from('preceding bytes'), header, compressed]);
}

async function decode(response: Buffer, skip: number): Promise<DecodedRecord[]> {
  const decoder = new Decoder(response) as { offset: number };
  decoder.offset = skip;
  return (await decodeRecordBatch(decoder)).records;
}

describe('record codecs in kafkajs', () => {
  const values = Array.from({ length: 50 }, (_, i) => Buffer.from(JSON.stringify({ eventId: `E-${i}`, pad: 'x'.repeat(i) })));
  const PRELUDE = 'bytes of the fetch response before the batch'.length;

  it.each([
    ['gzip', CompressionTypes.GZIP],
    ['snappy', CompressionTypes.Snappy],
    ['lz4', CompressionTypes.LZ4],
  ])('%s: what kafkajs compresses, it decodes to the same records', async (_name, compression) => {
    const records = await decode(await encodedBatch(compression, values), PRELUDE);
    expect(records.map((r) => r.value?.toString())).toEqual(values.map(String));
    expect(records.map((r) => r.offset)).toEqual(values.map((_, i) => String(1000 + i)));
    expect(records.every((r) => undecodableBatchOf(r.headers) === undefined)).toBe(true);
  });

  it('replaces every codec of kafkajs, including its unbounded gzip', () => {
    for (const type of [CompressionTypes.GZIP, CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD]) {
      expect(() => CompressionCodecs[type as 1 | 2 | 3 | 4]()).not.toThrow();
    }
  });

  it('hands a corrupt batch over as placeholders at its offsets, the last at its last offset', async () => {
    const garbage = Buffer.from('these bytes are not lz4 at all');
    const records = await decode(handMadeBatch('lz4', 3, 4, garbage), 'preceding bytes'.length);
    expect(records.map((r) => r.offset)).toEqual(['5000', '5001', '5004']);
    expect(records.every((r) => r.key === null && r.value === null)).toBe(true);
    expect(records.map((r) => undecodableBatchOf(r.headers))).toEqual(Array(3).fill({ reason: 'corrupt', codec: 'lz4', batchOffset: '5000' }));
  });

  it.each(['gzip', 'snappy', 'zstd'] as const)('%s: garbage is a corrupt batch, not a failed fetch', async (codec) => {
    const records = await decode(handMadeBatch(codec, 1, 0, Buffer.from('garbage')), 'preceding bytes'.length);
    expect(undecodableBatchOf(records[0].headers)).toEqual({ reason: 'corrupt', codec, batchOffset: '5000' });
  });

  it('hands a gzip bomb over as one too_large placeholder, without inflating it', async () => {
    const bomb = await gzipCodec.compress(Buffer.alloc(64 * 1024 * 1024));
    const records = await decode(handMadeBatch('gzip', 1, 0, bomb), 'preceding bytes'.length);
    expect(records).toHaveLength(1);
    expect(undecodableBatchOf(records[0].headers)).toEqual({ reason: 'too_large', codec: 'gzip', batchOffset: '5000' });
  });

  it('treats records that do not fill the declared count as corrupt', async () => {
    const oneRecord = await gzipCodec.compress(Buffer.from([0x02, 0x00])); // one record of length 1
    const records = await decode(handMadeBatch('gzip', 2, 1, oneRecord), 'preceding bytes'.length);
    expect(records.map((r) => undecodableBatchOf(r.headers)?.reason)).toEqual(['corrupt', 'corrupt']);
  });

  it('fails when the batch header cannot be found, rather than guess offsets', async () => {
    const codec = asKafkajsCodec(gzipCodec);
    await expect(codec.decompress(Buffer.from('a copy, not a slice of a fetch response'))).rejects.toThrow(/gzip/);
  });

  it('does not take a producer header for a placeholder', () => {
    expect(undecodableBatchOf({ 'x-health-undecodable-batch': Buffer.from('guess too_large gzip 1') })).toBeUndefined();
  });
});
