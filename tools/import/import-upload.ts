import { createReadStream } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { EndLine, FailedLine, ImportLine } from '../../apps/ingest/src/import/import-lines';
import type { ImportFormat } from '../../apps/ingest/src/import/import-rows';
import { AdminApiError } from '../admin-cli/admin-client';

export interface UploadPart {
  baseUrl: string;
  adminToken: string;
  query: Record<string, string | number | undefined>;
  format: ImportFormat;
  file: string;
  /** The CSV header row, sent before the rows (absent for NDJSON). */
  header?: Buffer;
  /** File offset of the first row sent. */
  offset: number;
  /** A CSV's declared charset (`--charset`); without it ingest tells UTF-8 from GBK by the header row. */
  charset?: string;
}

function mediaType(part: UploadPart): string {
  if (part.format === 'ndjson') return 'application/x-ndjson';
  return part.charset === undefined ? 'text/csv' : `text/csv; charset=${part.charset}`;
}

/**
 * Sends one part of a file to POST /v1/admin/imports (the header, then the file from `offset`) and
 * hands each answered line to `onLine` as it arrives. Resolves with the part's last line (`end` or
 * `failed`); rejects when the connection is lost before one (the caller resumes from its checkpoint).
 * The server stops reading after `maxRows`; the rest of the upload is then cut off.
 *
 * Each part has a connection of its own, closed from this side once the answer is read: the server
 * leaves the rest of the file unread on it, so it can carry no next part (a shared keep-alive pool
 * would hand it to the next part, which would wait on it for nothing). This side closing, with the
 * whole answer read, loses nothing; the server drains a little and lets go.
 */
export function uploadPart(part: UploadPart, onLine: (line: ImportLine) => void): Promise<EndLine | FailedLine> {
  const url = new URL(`${part.baseUrl.replace(/\/+$/, '')}/v1/admin/imports`);
  for (const [name, value] of Object.entries(part.query)) if (value !== undefined) url.searchParams.set(name, String(value));
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  // Keep-alive, so that the server does not close (and reset) first on a body it has not read.
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 1 }) : new HttpAgent({ keepAlive: true, maxSockets: 1 });

  return new Promise((resolve, reject) => {
    let last: EndLine | FailedLine | undefined;
    const request = send(url, {
      method: 'POST',
      agent,
      headers: { authorization: `Bearer ${part.adminToken}`, 'content-type': mediaType(part), 'transfer-encoding': 'chunked' },
    });
    const settle = (error?: Error) => {
      agent.destroy();
      if (last) resolve(last);
      else reject(error ?? new Error('the connection closed before the import answered its end'));
    };
    // Once the answer is complete, a body the server stopped reading is cut off; the write error that follows is expected.
    request.on('error', (error) => settle(error));
    request.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200) {
        readAll(response)
          .then((text) => {
            const body = safeJson(text) as { code?: string; message?: string; errors?: unknown[] };
            // The admin API refused the upload outright (bad parameters, bad CSV header, wrong token): retrying will not help.
            reject(new AdminApiError(response.statusCode ?? 0, body.code ?? `http_${response.statusCode}`, body.message ?? text, body.errors));
          }, reject)
          .finally(() => {
            request.destroy();
            agent.destroy();
          });
        return;
      }
      const lines = createInterface({ input: response, crlfDelay: Infinity });
      lines.on('line', (text) => {
        if (text.trim() === '') return;
        const line = JSON.parse(text) as ImportLine;
        if (line.type === 'end' || line.type === 'failed') last = line;
        onLine(line);
      });
      lines.on('close', () => {
        request.destroy();
        settle();
      });
      response.on('error', (error) => settle(error));
    });
    body(part)
      .on('error', (error) => request.destroy(error))
      .pipe(request);
  });
}

function body(part: UploadPart): Readable {
  const file = createReadStream(part.file, { start: part.offset, highWaterMark: 256 * 1024 });
  if (!part.header) return file;
  const header = part.header;
  return Readable.from(
    (async function* () {
      yield header;
      yield* file;
    })(),
  );
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
