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
