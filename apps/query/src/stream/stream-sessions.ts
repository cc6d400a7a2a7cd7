import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { ApiError } from '@lib/platform';
import type { QueryEnvironment } from '../query.environment';

/**
 * Open live streams, counted per bureau token and in all: each holds a connection and a share of
 * every pushed value, so one token (or a leaked one) cannot hold the process's sockets. Tokens are
 * counted by their SHA-256, never kept in clear.
 */
@Injectable()
export class StreamSessions {
  private readonly perToken = new Map<string, number>();
  private total = 0;
  private readonly maxPerToken: number;
  private readonly maxTotal: number;

  constructor(config: ConfigService<QueryEnvironment, true>) {
    this.maxPerToken = config.get('STREAM_MAX_PER_TOKEN', { infer: true });
    this.maxTotal = config.get('STREAM_MAX_TOTAL', { infer: true });
  }

  /** Takes a place for a new stream, or throws 429 `too_many_streams`; returns the function that gives it back. */
  open(token: string): () => void {
    const key = createHash('sha256').update(token).digest('hex');
    const held = this.perToken.get(key) ?? 0;
    if (held >= this.maxPerToken || this.total >= this.maxTotal) {
      const which = held >= this.maxPerToken ? `${this.maxPerToken} per token` : `${this.maxTotal} in all`;
      throw new ApiError('too_many_streams', `At most ${which} live streams may be open; close one first`);
    }
    this.perToken.set(key, held + 1);
    this.total += 1;
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.total -= 1;
      const left = (this.perToken.get(key) ?? 1) - 1;
      if (left === 0) this.perToken.delete(key);
      else this.perToken.set(key, left);
    };
  }
}
