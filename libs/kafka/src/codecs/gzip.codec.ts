import { promisify } from 'node:util';
import { gzip as gzipAsync, unzip } from 'node:zlib';
import { corrupt, RecordCodec, tooLarge } from './decompression';

const compress = promisify(gzipAsync);
const decompress = promisify(unzip);

/** Node's zlib: `maxOutputLength` stops inflating at the limit (it streams internally, chunk by chunk). */
export const gzipCodec: RecordCodec = {
  name: 'gzip',
  compress: (data) => compress(data),
  async decompress(data, limit) {
    try {
      return await decompress(data, { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('gzip', limit);
      throw corrupt('gzip', (error as Error).message);
    }
  },
};
