import { Logger } from '@nestjs/common';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { corrupt, DecompressionRefused, MAX_DECOMPRESSED_BATCH_BYTES, RecordCodec } from './decompression';
import { gzipCodec } from './gzip.codec';
import { lz4Codec } from './lz4.codec';
import { snappyCodec } from './snappy.codec';
import { batchHeaderOf, holdsRecords, placeholderRecords } from './undecodable-batch';
import { zstdCodec } from './zstd.codec';

type CompressedType = Exclude<CompressionTypes, CompressionTypes.None>;

/** Every codec a Kafka producer may use; kafkajs itself knows gzip only, and that unbounded. */
const CODECS: ReadonlyArray<[CompressedType, RecordCodec]> = [
  [CompressionTypes.GZIP, gzipCodec],
  [CompressionTypes.Snappy, snappyCodec],
  [CompressionTypes.LZ4, lz4Codec],
  [CompressionTypes.ZSTD, zstdCodec],
];

/** What kafkajs calls: `compress` gets its encoder (the records in `buffer`), `decompress` a batch's compressed records. */
export interface KafkajsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(compressed: Buffer): Promise<Buffer>;
}

const logger = new Logger('RecordCodecs');
let registered = false;

/** Installs the project's codecs into kafkajs (a process-wide table); every Kafka client is created after. */
export function registerRecordCodecs(): void {
  if (registered) return;
  registered = true;
  for (const [type, codec] of CODECS) {
    const kafkajsCodec = asKafkajsCodec(codec);
    CompressionCodecs[type] = () => kafkajsCodec;
  }
}

/**
 * Decompression bounded by `limit`; a batch refused (too large, corrupt) becomes placeholder records
 * at its offsets (see undecodable-batch.ts) rather than an error that would stall every partition
 * of the fetch.
 */
export function asKafkajsCodec(codec: RecordCodec, limit = MAX_DECOMPRESSED_BATCH_BYTES): KafkajsCodec {
  return {
    compress: (encoder) => codec.compress(encoder.buffer),
    async decompress(compressed) {
      const header = batchHeaderOf(compressed, codec.name);
      let refusal: DecompressionRefused;
      try {
        const records = await codec.decompress(compressed, limit);
        if (!header || holdsRecords(records, header.records)) return records;
        refusal = corrupt(codec.name, `the records do not fill the ${header.records} the batch declares`);
      } catch (error) {
        refusal = error instanceof DecompressionRefused ? error : corrupt(codec.name, (error as Error).message);
      }
      const placeholders = header && placeholderRecords(header, refusal.reason, codec.name);
      if (!placeholders) throw refusal;
      logger.warn(
        {
          codec: codec.name,
          reason: refusal.reason,
          firstOffset: String(header.firstOffset),
          records: header.records,
          compressedBytes: compressed.length,
          detail: refusal.message,
        },
        'record batch refused: its records are handed over as placeholders',
      );
      return placeholders;
    },
  };
}
