import { Controller, MessageEvent, Req, Sse, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, Observable } from 'rxjs';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import { LiveValues } from './live-values.service';

const KEEPALIVE_MS = 15_000;

@ApiTags('stream')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/stream')
export class StreamController {
  constructor(
    private readonly live: LiveValues,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Sse()
  @ApiOperation({ summary: 'Server-sent events: every changed indicator value in the token’s scope, within a second of commit' })
  @ApiQuery({ name: 'token', required: false, description: 'The bureau token, for EventSource clients that cannot set headers' })
  @ApiQuery({ name: 'region', required: false, description: 'Narrow to a region under the token’s scope' })
  @ApiQuery({ name: 'indicator', required: false })
  stream(@Req() request: BureauRequest): Observable<MessageEvent> {
    const scope = typeof request.query.region === 'string' ? regionInScope(this.registry, request.query.region, request.bureauScope) : request.bureauScope;
    const indicator = typeof request.query.indicator === 'string' ? request.query.indicator : undefined;
    const values = this.live.values$.pipe(
      filter((value) => this.live.inScope(value, scope) && (indicator === undefined || value.indicator === indicator)),
      map((value): MessageEvent => ({ type: 'value', data: value })),
    );
    const keepalive = interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: { at: new Date().toISOString() } })));
    return merge(values, keepalive);
  }
}
