import { gzipSync } from 'node:zlib';
import { DecompressionRefused, RecordCodec } from './decompression';
import { gzipCodec } from './gzip.codec';
import { lz4Codec } from './lz4.codec';
import { snappyCodec } from './snappy.codec';
import { zstdCodec } from './zstd.codec';

const MiB = 1024 * 1024;
const text = Buffer.from(JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ eventId: `E-${i}`, institutionId: '610921-THC-001', n: i }))));
const zeros = Buffer.alloc(16 * MiB);

/** Written by the zstd 1.5 command-line tool: 2,200 bytes ('hello zstd ' × 200), content size in the header. */
const ZSTD_HELLO = Buffer.from('KLUv/WSYB5UAAFhoZWxsbyB6c3RkIAEAirBfvFIuURs=', 'base64');
/** Written by the zstd tool (-1) from 16 MiB of zeros, streamed: no content size, a 512 KiB window. */
const ZSTD_ZEROS = Buffer.from(
  'KLUv/QRIVAAAEAAAAQD7/znAAgIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAEQAAAABAP3/zQsQAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAARAAAAAEA/f/NCxACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEABEAAAAAQD9/80LEAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAEQAAAABAP3/zQsQAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAARAAAAAEA/f/NCxACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEABEAAAAAQD9/80LEAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAEQAAAABAP3/zQsQAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAgAQAAIAEAACABAAAQAAC9jiXg==',
  'base64',
);

async function refusal(codec: RecordCodec, data: Buffer, limit: number): Promise<DecompressionRefused> {
  const error = await codec.decompress(data, limit).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DecompressionRefused);
  return error as DecompressionRefused;
}

describe.each([gzipCodec, snappyCodec, lz4Codec].map((codec) => [codec.name, codec] as const))('%s codec', (_name, codec) => {
  it('round-trips', async () => {
    expect((await codec.decompress(await codec.compress(text), 8 * MiB)).equals(text)).toBe(true);
  });

  it('refuses output beyond the limit as too_large', async () => {
    const bomb = await codec.compress(zeros);
    expect(bomb.length).toBeLessThan(zeros.length / 20);
    expect((await refusal(codec, bomb, MiB)).reason).toBe('too_large');
  });

  it('gives exactly the limit', async () => {
    const data = zeros.subarray(0, MiB);
    expect((await codec.decompress(await codec.compress(data), MiB)).length).toBe(MiB);
  });

  it('refuses bytes that are not its format as corrupt', async () => {
    expect((await refusal(codec, Buffer.from('{"eventId":"not compressed at all"}'), MiB)).reason).toBe('corrupt');
  });
});

describe('zstd codec', () => {
  it('decodes what the reference implementation wrote', async () => {
    expect((await zstdCodec.decompress(ZSTD_HELLO, MiB)).toString()).toBe('hello zstd '.repeat(200));
    expect((await zstdCodec.decompress(ZSTD_ZEROS, 32 * MiB)).equals(zeros)).toBe(true);
  });

  it('refuses a streamed frame once its output passes the limit', async () => {
    expect((await refusal(zstdCodec, ZSTD_ZEROS, MiB)).reason).toBe('too_large');
  });

  it('refuses a frame whose declared size or window passes the limit, before decoding', async () => {
    expect((await refusal(zstdCodec, ZSTD_HELLO, 1000)).reason).toBe('too_large');
    const hugeWindow = Buffer.from(ZSTD_ZEROS);
    hugeWindow[5] = 0xf8; // window descriptor: 2^41 bytes
    expect((await refusal(zstdCodec, hugeWindow, 32 * MiB)).reason).toBe('too_large');
  });

  it('refuses corrupt bytes', async () => {
    expect((await refusal(zstdCodec, Buffer.from('not zstd'), MiB)).reason).toBe('corrupt');
    expect((await refusal(zstdCodec, ZSTD_ZEROS.subarray(0, 100), 32 * MiB)).reason).toBe('corrupt');
  });

  it('does not produce zstd', async () => {
    await expect(zstdCodec.compress(text)).rejects.toThrow(/does not produce/);
  });
});

describe('snappy codec', () => {
  it('reads a single raw block as well as xerial framing', async () => {
    const { compressSync } = await import('snappy');
    expect((await snappyCodec.decompress(compressSync(text), 8 * MiB)).equals(text)).toBe(true);
  });

  it('refuses a block whose declared length passes the limit, before decoding it', async () => {
    const declaresHuge = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]);
    expect((await refusal(snappyCodec, declaresHuge, MiB)).reason).toBe('too_large');
  });
});

describe('gzip codec', () => {
  it('reads what zlib wrote at any level', async () => {
    expect((await gzipCodec.decompress(gzipSync(text, { level: 1 }), 8 * MiB)).equals(text)).toBe(true);
  });
});
