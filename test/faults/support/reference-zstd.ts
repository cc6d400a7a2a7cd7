import { execFileSync } from 'node:child_process';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { registerRecordCodecs } from '@lib/kafka';

/**
 * The project decodes zstd but never writes it. A test that plays a foreign producer (a Java or
 * librdkafka client with compression.type=zstd) writes it with the reference implementation's
 * command-line tool (Debian's zstd, installed by scripts/lib/common.sh), keeping the project's
 * decoder for reading.
 */
export function writeZstdWithReferenceTool(): void {
  registerRecordCodecs(); // in place before one of them is replaced (registering again changes nothing)
  const project = CompressionCodecs[CompressionTypes.ZSTD]() as { decompress(buffer: Buffer): Promise<Buffer> };
  CompressionCodecs[CompressionTypes.ZSTD] = () => ({
    compress: (encoder: { buffer: Buffer }) => Promise.resolve(execFileSync('zstd', ['-q', '-c', '-3'], { input: encoder.buffer })),
    decompress: (buffer: Buffer) => project.decompress(buffer),
  });
}
