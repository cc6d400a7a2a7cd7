/** A minimal server-sent-events reader over fetch, collecting `value` events for tests. */
export class SseClient {
  readonly events: { type: string; data: unknown; id?: string }[] = [];
  private readonly controller = new AbortController();
  status = 0;
  /** True once the server ended the stream (not set when the client closed it). */
  ended = false;

  private constructor() {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { signal: client.controller.signal, headers: { accept: 'text/event-stream', ...headers } });
    client.status = response.status;
    if (response.ok && response.body) void client.read(response.body);
    return client;
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const id = /^id: (.*)$/m.exec(block)?.[1];
          if (data !== undefined) this.events.push({ type, data: JSON.parse(data), ...(id !== undefined ? { id } : {}) });
        }
      }
      this.ended = true;
    } catch {
      // aborted
    }
  }
}
