/** The compression codecs Kafka producers use (record batch attribute bits 0-2: 1 to 4). */
export type CodecName = 'gzip' | 'snappy' | 'lz4' | 'zstd';

/**
 * Why a record batch could not be handed over: it inflates beyond the limit, or its compressed
 * bytes are not a valid stream of its codec.
 */
export type UndecodableReason = 'too_large' | 'corrupt';

/**
 * The most one record batch may inflate to. Well above honest batches (the raw topic caps a
 * compressed batch at `max.message.bytes`, events are at most 64 KiB and JSON compresses ~5-10×),
 * small enough that a batch inflating far beyond it costs a few MiB, never the process.
 */
export const MAX_DECOMPRESSED_BATCH_BYTES = 8 * 1024 * 1024;

/** A batch the codec refuses to hand over, with the reason. */
export class DecompressionRefused extends Error {
  constructor(
    readonly reason: UndecodableReason,
    message: string,
  ) {
    super(message);
    this.name = 'DecompressionRefused';
  }
}

export function tooLarge(codec: CodecName, limit: number): DecompressionRefused {
  return new DecompressionRefused('too_large', `${codec}: the batch inflates beyond ${limit} bytes`);
}

export function corrupt(codec: CodecName, detail: string): DecompressionRefused {
  return new DecompressionRefused('corrupt', `${codec}: ${detail}`);
}

/** One codec of the record batch format: what kafkajs calls to compress and decompress the records. */
export interface RecordCodec {
  name: CodecName;
  compress(data: Buffer): Promise<Buffer>;
  /**
   * The records of one batch. Refuses with `DecompressionRefused('too_large')` once the output would
   * pass `limit` bytes, before allocating (much) more than that; with `'corrupt'` when the bytes are
   * not a valid stream of the codec.
   */
  decompress(data: Buffer, limit: number): Promise<Buffer>;
}

/**
 * Collects a decompressor's output piece by piece and refuses as soon as the total would pass the
 * limit: callers check each piece's size (declared or produced) before keeping the next.
 */
export class BoundedOutput {
  private readonly pieces: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly codec: CodecName,
    private readonly limit: number,
  ) {}

  /** Refuses when `bytes` more would pass the limit (call with a declared size before decoding it). */
  reserve(bytes: number): void {
    if (this.total + bytes > this.limit) throw tooLarge(this.codec, this.limit);
  }

  add(piece: Uint8Array): void {
    this.reserve(piece.length);
    this.pieces.push(Buffer.from(piece.buffer, piece.byteOffset, piece.length));
    this.total += piece.length;
  }

  /** The last `bytes` of the output so far (the dictionary of a dependent LZ4 block). */
  tail(bytes: number): Buffer {
    const last: Buffer[] = [];
    let length = 0;
    for (let i = this.pieces.length - 1; i >= 0 && length < bytes; i -= 1) {
      last.unshift(this.pieces[i]);
      length += this.pieces[i].length;
    }
    const joined = Buffer.concat(last, length);
    return joined.subarray(Math.max(0, length - bytes));
  }

  join(): Buffer {
    return Buffer.concat(this.pieces, this.total);
  }
}
