import { Body, Controller, Delete, Get, HttpStatus, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@lib/platform';
import { findIndicator } from '@lib/indicators';
import { RegistrySnapshot } from '@lib/registry-store';
import { AlertActions, Silence, SilenceDto, SilenceListDto, SilencesRepository } from '@lib/targets-store';
import { actorOf, BureauSilenceDto } from '../alerts/alert-actions.dto';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';

/**
 * A bureau's silences: while one matches, its alerts are still recorded and published on the topic, but
 * no webhook is called. A bureau silences and un-silences within its own subtree only; it sees the
 * silences that cover its alerts (its own, and those an operator or the bureau above set over it).
 */
@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/silences')
export class SilencesController {
  constructor(
    private readonly silences: SilencesRepository,
    private readonly actions: AlertActions,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Silence the alerts of a region subtree in the token’s scope (and optionally one indicator) until `until`, with a reason' })
  @ApiForbiddenResponse({ description: 'The region is outside the token’s subtree (`out_of_scope`)' })
  @ApiCreatedResponse({ type: SilenceDto })
  create(@Body() body: BureauSilenceDto, @Req() request: BureauRequest) {
    const scope = request.bureauScope;
    if (body.indicator !== undefined && body.indicator !== 'feed_stale' && !findIndicator(body.indicator)) {
      throw new ApiError('unknown_indicator', `No indicator ${body.indicator}`, {}, HttpStatus.BAD_REQUEST);
    }
    const region = regionInScope(this.registry, body.region ?? scope, scope);
    return this.actions.silence(
      {
        indicator: body.indicator ?? null,
        region,
        startsAt: body.startsAt ? new Date(body.startsAt) : undefined,
        endsAt: new Date(body.until),
        createdBy: actorOf(body.by, scope),
        comment: body.reason,
      },
      new Date(),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Silences covering the token’s subtree, newest first' })
  @ApiOkResponse({ type: SilenceListDto })
  async list(@Req() request: BureauRequest) {
    const scope = request.bureauScope;
    const silences = (await this.silences.all()).filter((s) => this.covers(s, scope));
    return { silences };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'End a silence of the token’s subtree now' })
  @ApiForbiddenResponse({ description: 'The silence was set over a region outside the token’s subtree (`out_of_scope`)' })
  @ApiNotFoundResponse({ description: '`silence_not_found`, or `silence_not_active` when it is already over' })
  @ApiOkResponse({ type: SilenceDto, description: 'The silence, ended now' })
  async expire(@Param('id') id: string, @Req() request: BureauRequest) {
    const silence = await this.silences.find(id);
    if (!silence) throw new ApiError('silence_not_found', `No silence ${id}`);
    if (silence.region === null) throw new ApiError('out_of_scope', 'A silence over every region is the operator’s');
    regionInScope(this.registry, silence.region, request.bureauScope);
    return this.actions.unsilence(id, new Date());
  }

  /** Whether a silence can silence alerts of `scope`'s subtree: everywhere, inside it, or over it. */
  private covers(silence: Silence, scope: string): boolean {
    if (silence.region === null) return true;
    const code = this.registry.institution(silence.region)?.county ?? this.registry.regions.resolve(silence.region)?.code;
    return code !== undefined && (this.registry.regions.isWithin(code, scope) || this.registry.regions.isWithin(scope, code));
  }
}
