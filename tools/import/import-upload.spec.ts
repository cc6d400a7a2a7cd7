import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { uploadPart } from './import-upload';

/**
 * A server as Node's is without a drain: it reads the first `readBytes` of a body, answers its end
 * line, and leaves the rest unread on the connection, which then carries no other request.
 */
function earlyAnsweringServer(readBytes: number): Server {
  return createServer((request: IncomingMessage, response) => {
    const body = request.pipe(new PassThrough());
    let read = 0;
    body.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read < readBytes) return;
      body.destroy();
      response.setHeader('content-type', 'application/x-ndjson');
      const end = { type: 'end', importId: 'i', complete: false, rows: 1, accepted: 1, duplicate: 0, rejected: 0, nextRow: 2, bytes: read };
      response.end(`${JSON.stringify(end)}\n`);
    });
  });
}

describe('uploadPart', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'upload-part-'));
  const file = path.join(work, 'rows.ndjson');
  // Small enough to be sent whole into the socket buffers before the answer: the case where a keep-alive pool would keep the connection.
  writeFileSync(file, `${'{"eventId":"e"}\n'.repeat(20_000)}`);
  let server: Server;
  let connections = 0;

  beforeAll(async () => {
    server = earlyAnsweringServer(64 * 1024);
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it('sends each part on a connection of its own, so a part the server stopped reading does not hold up the next', async () => {
    const part = {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      adminToken: 't',
      query: { maxRows: 1 },
      format: 'ndjson' as const,
      file,
      offset: 0,
    };
    const answers = [await uploadPart(part, () => undefined), await uploadPart(part, () => undefined)];
    expect(answers.map((a) => a.type)).toEqual(['end', 'end']);
    expect(connections).toBe(2);
  });
});
