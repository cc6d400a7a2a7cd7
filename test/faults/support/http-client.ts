import { connect } from 'node:net';

/** A POST /v1/events answer, read whatever it is (JSON or not). */
export interface Answer {
  status: number;
  text: string;
  body?: Record<string, any>;
  headers: Headers;
}

export async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  let body: Record<string, any> | undefined;
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body, headers: response.headers };
}

export function postEvents(baseUrl: string, key: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return send(`${baseUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: body as BodyInit,
  });
}

/** The machine-readable reason of a refusal: the error code, or the first code of a rejected event. */
export function reasonOf(answer: Answer): string | undefined {
  const body = answer.body;
  if (typeof body?.code === 'string') return body.code;
  const code = body?.results?.[0]?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Counts per label, for the figures of a run. */
export class Tally {
  readonly counts: Record<string, number> = {};
  add(label: string, n = 1): void {
    this.counts[label] = (this.counts[label] ?? 0) + n;
  }
  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

/** The answer to a request whose body was never finished (see sendUnfinishedBody). */
export interface UnfinishedBodyAnswer {
  /** 0 when no answer came: the server waited for the body. */
  status: number;
  body?: Record<string, any>;
  /** Body bytes the client had sent when the answer came. */
  bodyBytesSent: number;
}

/**
 * Sends a request head that declares `declaredLength` body bytes, then only `begun` of them, and
 * reads the answer off the socket. A server that reads the body before answering waits for the
 * rest that never comes: no answer within `waitMs` is answered status 0.
 */
export function sendUnfinishedBody(
  url: string,
  request: { method: string; headers: Record<string, string>; declaredLength: number; begun: string },
  waitMs = 20_000,
): Promise<UnfinishedBodyAnswer> {
  const { hostname, port, pathname, search } = new URL(url);
  const head = [
    `${request.method} ${pathname}${search} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    `content-length: ${request.declaredLength}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  const begun = Buffer.from(request.begun);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${head}\r\n\r\n`);
      socket.write(begun);
    });
    const answer = (): void => {
      clearTimeout(deadline);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const bodyText = text.slice(text.indexOf('\r\n\r\n') + 4);
      let body: Record<string, any> | undefined;
      try {
        body = JSON.parse(bodyText) as Record<string, any>;
      } catch {
        body = undefined;
      }
      resolve({ status, body, bodyBytesSent: begun.length });
    };
    const deadline = setTimeout(answer, waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server closes the connection once it has answered (the body it left unread cannot be skipped).
    socket.on('end', answer);
    socket.on('error', answer);
  });
}
