import { compress as snappyCompress, uncompress } from 'snappy';
import { BoundedOutput, corrupt, RecordCodec } from './decompression';

/**
 * The Java client (snappy-java) frames Snappy its own way, "xerial": a 16-byte header, then blocks of
 * a big-endian int32 length and one raw Snappy block each. librdkafka reads it and some clients
 * send one raw block instead; both are read here.
 */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER = Buffer.concat([XERIAL_MAGIC, Buffer.from([0, 0, 0, 1, 0, 0, 0, 1])]);
/** snappy-java's block size. */
const XERIAL_BLOCK_BYTES = 32 * 1024;

export const snappyCodec: RecordCodec = {
  name: 'snappy',
  async compress(data) {
    const blocks: Buffer[] = [XERIAL_HEADER];
    for (let start = 0; start < data.length; start += XERIAL_BLOCK_BYTES) {
      const block = await snappyCompress(data.subarray(start, start + XERIAL_BLOCK_BYTES));
      const length = Buffer.alloc(4);
      length.writeInt32BE(block.length);
      blocks.push(length, block);
    }
    return Buffer.concat(blocks);
  },
  async decompress(data, limit) {
    const output = new BoundedOutput('snappy', limit);
    for (const block of snappyBlocks(data)) {
      // A raw Snappy block starts with its uncompressed length: checked before anything is allocated.
      output.reserve(declaredLength(block));
      try {
        output.add((await uncompress(block, { asBuffer: true })) as Buffer);
      } catch (error) {
        throw corrupt('snappy', (error as Error).message);
      }
    }
    return output.join();
  },
};

function* snappyBlocks(data: Buffer): Generator<Buffer> {
  if (data.length < XERIAL_HEADER.length || !data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    yield data;
    return;
  }
  let offset = XERIAL_HEADER.length;
  while (offset < data.length) {
    if (offset + 4 > data.length) throw corrupt('snappy', 'xerial block length cut off');
    const length = data.readInt32BE(offset);
    offset += 4;
    if (length < 0 || offset + length > data.length) throw corrupt('snappy', 'xerial block runs past the end');
    yield data.subarray(offset, offset + length);
    offset += length;
  }
}

/** The varint (little-endian base 128, at most 32 bits) that opens a raw Snappy block. */
function declaredLength(block: Buffer): number {
  let length = 0;
  for (let i = 0; i < 5 && i < block.length; i += 1) {
    length += (block[i] & 0x7f) * 2 ** (7 * i);
    if ((block[i] & 0x80) === 0) return length;
  }
  throw corrupt('snappy', 'block without a valid length preamble');
}
