import { Decompress } from 'fzstd';
import { BoundedOutput, corrupt, DecompressionRefused, RecordCodec, tooLarge } from './decompression';

const FRAME_MAGIC = 0xfd2fb528;

/**
 * Decoded with fzstd (pure JavaScript, streaming): it hands over one block (≤ 128 KiB) at a time, so
 * decoding stops at the limit. Its window buffer is sized from the frame header, checked first.
 * No maintained zstd *encoder* installs from the registry without a native build on Node 20, and
 * the project never produces zstd: compressing is refused.
 */
export const zstdCodec: RecordCodec = {
  name: 'zstd',
  compress() {
    return Promise.reject(new Error('zstd: this project decodes zstd but does not produce it'));
  },
  decompress(data, limit) {
    return new Promise((resolve, reject) => {
      try {
        const window = windowSize(data);
        if (window > limit) throw tooLarge('zstd', limit);
        const output = new BoundedOutput('zstd', limit);
        new Decompress((block) => output.add(block)).push(data, true);
        resolve(output.join());
      } catch (error) {
        reject(error instanceof DecompressionRefused ? error : corrupt('zstd', (error as Error).message));
      }
    });
  },
};

/**
 * The memory the first frame asks for (RFC 8878 §3.1.1.1): its window, or its content size for a
 * single-segment frame (which then also bounds the output).
 */
function windowSize(data: Buffer): number {
  if (data.length < 6 || data.readUInt32LE(0) !== FRAME_MAGIC) throw corrupt('zstd', 'not a zstd frame');
  const descriptor = data[4];
  const singleSegment = (descriptor & 0x20) !== 0;
  if (!singleSegment) {
    const window = data[5];
    const base = 2 ** (10 + (window >> 3));
    return base + (base / 8) * (window & 7);
  }
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
  const sizeBytes = [1, 2, 4, 8][descriptor >> 6];
  const at = 5 + dictionaryBytes;
  if (data.length < at + sizeBytes) throw corrupt('zstd', 'frame header cut off');
  if (sizeBytes === 8) return Number(data.readBigUInt64LE(at));
  const size = data.readUIntLE(at, sizeBytes);
  return sizeBytes === 2 ? size + 256 : size;
}
