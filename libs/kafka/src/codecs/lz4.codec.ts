import { compressFrame, uncompress } from 'lz4-napi';
import { BoundedOutput, corrupt, DecompressionRefused, RecordCodec, tooLarge } from './decompression';

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** Block maximum sizes by the frame's BD byte (bits 4-6). */
const BLOCK_MAX_BYTES: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 };
/** How far back a dependent block may copy from. */
const LZ4_WINDOW_BYTES = 64 * 1024;

/**
 * LZ4 frames (the format Kafka uses since magic 1) read block by block with lz4-napi's block
 * decoder: each block is at most its frame's block maximum (≤ 4 MiB), so decoding stops at the
 * limit. lz4-napi's own frame decoder would inflate the whole frame first.
 */
export const lz4Codec: RecordCodec = {
  name: 'lz4',
  // Independent blocks and no content size, as Kafka's own LZ4 stream writes them.
  compress: (data) => compressFrame(data),
  async decompress(data, limit) {
    const output = new BoundedOutput('lz4', limit);
    let offset = 0;
    while (offset < data.length) offset = await readFrame(data, offset, output, limit);
    return output.join();
  },
};

/** Reads the frame at `offset` into `output`; returns where the next frame starts. */
async function readFrame(data: Buffer, offset: number, output: BoundedOutput, limit: number): Promise<number> {
  const cut = () => corrupt('lz4', 'frame cut off');
  if (offset + 7 > data.length) throw cut();
  const magic = data.readUInt32LE(offset);
  if ((magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC) return offset + 8 + data.readUInt32LE(offset + 4);
  if (magic !== FRAME_MAGIC) throw corrupt('lz4', 'not an LZ4 frame');
  const flags = data[offset + 4];
  if (flags >> 6 !== 1) throw corrupt('lz4', 'unknown frame version');
  const independent = (flags & 0x20) !== 0;
  const blockChecksums = (flags & 0x10) !== 0;
  const contentSize = (flags & 0x08) !== 0;
  const contentChecksum = (flags & 0x04) !== 0;
  const dictionaryId = (flags & 0x01) !== 0;
  const blockMax = BLOCK_MAX_BYTES[(data[offset + 5] >> 4) & 7];
  if (blockMax === undefined) throw corrupt('lz4', 'unknown block maximum size');
  let at = offset + 6;
  if (contentSize) {
    if (at + 8 > data.length) throw cut();
    if (data.readBigUInt64LE(at) > BigInt(limit)) throw tooLarge('lz4', limit);
    at += 8;
  }
  if (dictionaryId) throw corrupt('lz4', 'frames with a preset dictionary are not supported');
  at += 1; // header checksum

  for (;;) {
    if (at + 4 > data.length) throw cut();
    const word = data.readUInt32LE(at);
    at += 4;
    if (word === 0) break; // end mark
    const size = word & 0x7fffffff;
    const stored = (word & 0x80000000) !== 0;
    if (size > blockMax || at + size > data.length) throw corrupt('lz4', 'block larger than the frame allows');
    const block = data.subarray(at, at + size);
    at += size + (blockChecksums ? 4 : 0);
    output.add(stored ? block : await decodeBlock(block, blockMax, independent ? undefined : output.tail(LZ4_WINDOW_BYTES)));
  }
  return at + (contentChecksum ? 4 : 0);
}

/** lz4-napi decodes "size-prepended" blocks: the block maximum stands in for the unknown size. */
async function decodeBlock(block: Buffer, blockMax: number, dictionary: Buffer | undefined): Promise<Buffer> {
  const sized = Buffer.alloc(4 + block.length);
  sized.writeUInt32LE(blockMax, 0);
  block.copy(sized, 4);
  try {
    return await uncompress(sized, dictionary);
  } catch (error) {
    if (error instanceof DecompressionRefused) throw error;
    throw corrupt('lz4', (error as Error).message);
  }
}
