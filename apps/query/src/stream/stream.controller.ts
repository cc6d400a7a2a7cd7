import { Controller, MessageEvent, Req, Sse, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { concatMap, filter, finalize, from, interval, map, merge, Observable, takeWhile } from 'rxjs';
import { CredentialsRepository, RegistrySnapshot } from '@lib/registry-store';
import { AcceptsQueryToken, BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import type { QueryEnvironment } from '../query.environment';
import { LiveValues } from './live-values.service';
import { StreamSessions } from './stream-sessions';

const KEEPALIVE_MS = 15_000;

@ApiTags('stream')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/stream')
export class StreamController {
  private readonly reauthMs: number;

  constructor(
    private readonly live: LiveValues,
    private readonly registry: RegistrySnapshot,
    private readonly sessions: StreamSessions,
    private readonly credentials: CredentialsRepository,
    config: ConfigService<QueryEnvironment, true>,
  ) {
    this.reauthMs = config.get('STREAM_REAUTH_SECONDS', { infer: true }) * 1000;
  }

  @Sse()
  @AcceptsQueryToken()
  @ApiOperation({
    summary: 'Server-sent events: every changed indicator value in the token’s scope, within a second of commit',
    description: 'A token revoked while the stream is open ends it (event `revoked`) at the next check (STREAM_REAUTH_SECONDS). ' +
      'Too many open streams (STREAM_MAX_PER_TOKEN, STREAM_MAX_TOTAL) answer 429 too_many_streams.',
  })
  @ApiQuery({ name: 'token', required: false, description: 'The bureau token, for EventSource clients that cannot set headers (this route only)' })
  @ApiQuery({ name: 'region', required: false, description: 'Narrow to a region under the token’s scope' })
  @ApiQuery({ name: 'indicator', required: false })
  @ApiOkResponse({
    description: 'An event stream: `value` events carry a changed value row (as in /values, with indicator, period and dims), `ping` keeps the connection, `revoked` ends it',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'event: value\ndata: {"indicator":"county_visit_rate","region":"610921","period":"2026","value":0.8887}\n\n' } } },
  })
  stream(@Req() request: BureauRequest): Observable<MessageEvent> {
    const scope = typeof request.query.region === 'string' ? regionInScope(this.registry, request.query.region, request.bureauScope) : request.bureauScope;
    const indicator = typeof request.query.indicator === 'string' ? request.query.indicator : undefined;
    const release = this.sessions.open(request.bureauToken);
    const values = this.live.values$.pipe(
      filter((value) => this.live.inScope(value, scope) && (indicator === undefined || value.indicator === indicator)),
      map((value): MessageEvent => ({ type: 'value', data: value })),
    );
    const keepalive = interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: { at: new Date().toISOString() } })));
    // Straight to the database, not the guard's one-minute cache: a revocation must end the stream.
    // A failed check (database unreachable) keeps the stream; only a token found revoked ends it.
    const revoked = interval(this.reauthMs).pipe(
      concatMap(() => from(this.credentials.regionOfBureauToken(request.bureauToken).catch(() => scope))),
      filter((region) => region === undefined),
      map((): MessageEvent => ({ type: 'revoked', data: { code: 'token_revoked', message: 'The bureau token was revoked; the stream ends' } })),
    );
    return merge(values, keepalive, revoked).pipe(
      takeWhile((event) => event.type !== 'revoked', true),
      finalize(release),
    );
  }
}
