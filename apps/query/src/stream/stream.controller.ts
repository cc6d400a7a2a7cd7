import { Controller, MessageEvent, Req, Sse, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { concatMap, filter, finalize, from, interval, map, merge, Observable, takeWhile } from 'rxjs';
import { CredentialsRepository, RegistrySnapshot } from '@lib/registry-store';
import { AcceptsQueryToken, BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import type { QueryEnvironment } from '../query.environment';
import type { ValuesRequest } from '../values/read-request';
import { CellStream } from './cell-stream.service';
import { MAX_SUBSCRIBED_REQUESTS, subscribedRequests } from './cell-subscription-request';
import { LiveValues } from './live-values.service';
import { StreamSessions } from './stream-sessions';

@ApiTags('stream')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/stream')
export class StreamController {
  private readonly reauthMs: number;
  private readonly keepaliveMs: number;

  constructor(
    private readonly live: LiveValues,
    private readonly cellStream: CellStream,
    private readonly registry: RegistrySnapshot,
    private readonly sessions: StreamSessions,
    private readonly credentials: CredentialsRepository,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.reauthMs = config.get('STREAM_REAUTH_SECONDS', { infer: true }) * 1000;
    this.keepaliveMs = config.get('STREAM_KEEPALIVE_SECONDS', { infer: true }) * 1000;
  }

  @Sse()
  @AcceptsQueryToken()
  @ApiOperation({
    summary: 'Server-sent events: the subscribed cells’ values as they change (`cells=`), or every changed value in the token’s scope',
    description:
      'With `cells` (a JSON array of values requests, each named as `GET /v1/indicators/{code}/values` names its parameters, ' +
      'e.g. `[{"indicator":"county_visit_rate","period":"2024","region":"610900","level":"county"}]`), the stream sends only the rows of those answers ' +
      'that changed: event `cells`, data `{ "cells": [{ indicator, period, level, dims, region, name, numerator, denominator, value, target, status, asOf }] }`, ' +
      'each changed cell once per STREAM_COALESCE_MS window and all of a window’s cells in one message, with an `id`. Reconnecting with ' +
      '`Last-Event-ID` (EventSource does it) first sends the current value of every subscribed cell changed since. A request outside the ' +
      'token’s region answers 403 out_of_scope; a malformed one 400 invalid_subscription (or the values API’s own 400/404). ' +
      'Without `cells`: every changed value in scope (events `value`, without target or status). Both: `ping` every 15 s; a token revoked while the stream ' +
      'is open ends it (event `revoked`) at the next check (STREAM_REAUTH_SECONDS). Too many open streams (STREAM_MAX_PER_TOKEN, ' +
      'STREAM_MAX_TOTAL) answer 429 too_many_streams.',
  })
  @ApiQuery({ name: 'token', required: false, description: 'The bureau token, for EventSource clients that cannot set headers (this route only)' })
  @ApiQuery({ name: 'cells', required: false, description: `JSON array of up to ${MAX_SUBSCRIBED_REQUESTS} values requests to subscribe to` })
  @ApiQuery({ name: 'region', required: false, description: 'Without cells: narrow to a region under the token’s scope' })
  @ApiQuery({ name: 'indicator', required: false, description: 'Without cells: narrow to one indicator' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'With cells: the id of the last message received; resumes with what changed since' })
  @ApiOkResponse({
    description:
      'An event stream. With `cells`: `cells` events carry the subscribed cells that changed (value, target, status), coalesced per STREAM_COALESCE_MS. Without: `value` events carry a changed value row (as in /values). `ping` keeps the connection, `revoked` ends it',
    content: {
      'text/event-stream': {
        schema: { type: 'string', example: 'event: value\ndata: {"indicator":"county_visit_rate","region":"610921","period":"2026","value":0.8887}\n\n' },
      },
    },
  })
  stream(@Req() request: BureauRequest): Observable<MessageEvent> {
    const cells = request.query.cells;
    const requests = typeof cells === 'string' ? subscribedRequests(this.registry, request.bureauScope, cells) : undefined;
    const scope =
      requests === undefined && typeof request.query.region === 'string'
        ? regionInScope(this.registry, request.query.region, request.bureauScope)
        : request.bureauScope;
    const release = this.sessions.open(request.bureauToken);
    const pushed = requests === undefined ? this.everyValue(scope, request) : this.subscribedCells(requests, request);
    const keepalive = interval(this.keepaliveMs).pipe(map((): MessageEvent => ({ type: 'ping', data: { at: new Date().toISOString() } })));
    // Straight to the database, not the guard's one-minute cache: a revocation must end the stream.
    // A failed check (database unreachable) keeps the stream; only a token found revoked ends it.
    const revoked = interval(this.reauthMs).pipe(
      concatMap(() => from(this.credentials.regionOfBureauToken(request.bureauToken).catch(() => scope))),
      filter((region) => region === undefined),
      map((): MessageEvent => ({ type: 'revoked', data: { code: 'token_revoked', message: 'The bureau token was revoked; the stream ends' } })),
    );
    return merge(pushed, keepalive, revoked).pipe(
      takeWhile((event) => event.type !== 'revoked', true),
      finalize(release),
    );
  }

  private subscribedCells(requests: ValuesRequest[], request: BureauRequest): Observable<MessageEvent> {
    const header = request.headers['last-event-id'];
    const lastEventId = typeof header === 'string' ? header : undefined;
    return this.cellStream.open(requests, lastEventId).pipe(map(({ id, cells, data }): MessageEvent => ({ type: 'cells', id, data: data ?? { cells } })));
  }

  private everyValue(scope: string, request: BureauRequest): Observable<MessageEvent> {
    const indicator = typeof request.query.indicator === 'string' ? request.query.indicator : undefined;
    return this.live.values$.pipe(
      filter((value) => this.live.inScope(value, scope) && (indicator === undefined || value.indicator === indicator)),
      map((value): MessageEvent => ({ type: 'value', data: value })),
    );
  }
}
