import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import type { BaseEnvironment } from '@lib/config';

/** The channel the `targets` and `populations` triggers notify (migration 1764000000700). */
export const REFERENCE_DATA_CHANNEL = 'reference_data_changes';

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** A committed change of targets (of one indicator, year and dims) or populations (of one year); fields left out: all. */
export type ReferenceDataChange = { table: 'targets'; indicator?: string; year?: number; dims?: string } | { table: 'populations'; year?: number };

/** A notification's payload, or undefined when it is not one of ours (never thrown). */
export function parseReferenceDataChange(payload: string | undefined): ReferenceDataChange | undefined {
  let message: Record<string, unknown>;
  try {
    message = JSON.parse(payload ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const year = typeof message.year === 'number' ? message.year : undefined;
  if (message.table === 'populations') return { table: 'populations', year };
  if (message.table !== 'targets') return undefined;
  return {
    table: 'targets',
    year,
    indicator: typeof message.indicator === 'string' ? message.indicator : undefined,
    dims: typeof message.dims === 'string' ? message.dims : undefined,
  };
}

/**
 * Changes of targets and populations, whoever writes them (the alerting app's PUT /v1/targets, this
 * app's PUT /v1/populations, tools), from PostgreSQL LISTEN on a connection of its own. `listening`
 * is false until it listens and whenever the connection is lost (it reconnects, backing off): a change
 * made meanwhile is never announced, so whoever keeps reference data must forget it then.
 */
@Injectable()
export class ReferenceDataChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReferenceDataChanges.name);
  private readonly subject = new Subject<ReferenceDataChange>();
  private readonly listeningSubject = new BehaviorSubject(false);
  private readonly url: string;
  private client?: Client;
  private retryMs = RETRY_MIN_MS;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(config: ConfigService<BaseEnvironment, true>) {
    this.url = config.get('DATABASE_URL', { infer: true });
  }

  get changes(): Observable<ReferenceDataChange> {
    return this.subject.asObservable();
  }

  get listening(): Observable<boolean> {
    return this.listeningSubject.asObservable();
  }

  onApplicationBootstrap() {
    void this.connect();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'health-indicators-listen', keepAlive: true });
    client.on('notification', (message) => {
      const change = parseReferenceDataChange(message.payload);
      if (change) this.subject.next(change);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${REFERENCE_DATA_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.retryMs = RETRY_MIN_MS;
    this.listeningSubject.next(true);
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listeningSubject.next(false);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn({ err: error, retryInMs: this.retryMs }, 'not listening for target and population changes; reconnecting');
    this.retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
