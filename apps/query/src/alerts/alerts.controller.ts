import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@lib/platform';
import { RegistrySnapshot } from '@lib/registry-store';
import {
  ALERT_LIST_STATES,
  AlertActions,
  AlertDto,
  AlertListDto,
  AlertListState,
  AlertRecord,
  AlertsRepository,
  AlertWithHistoryDto,
} from '@lib/targets-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import { actorOf, BureauAcknowledgeDto } from './alert-actions.dto';

/**
 * A bureau's alerts: those addressed to its region or any region under it (a city sees its counties'
 * alerts and those escalated to it). The alerting service raises them; a bureau acknowledges those of
 * its own subtree here (silences: `SilencesController`).
 */
@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly actions: AlertActions,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Alerts in the token’s scope, newest first: open ones and those that fired (cleared ones only with state=cleared)' })
  @ApiQuery({
    name: 'state',
    required: false,
    enum: ALERT_LIST_STATES,
    description: 'open: pending or firing; resolved: ended after firing; cleared: ended pending, before anyone was told',
  })
  @ApiQuery({ name: 'indicator', required: false })
  @ApiOkResponse({ type: AlertListDto })
  async list(@Req() request: BureauRequest, @Query('state') state?: string, @Query('indicator') indicator?: string) {
    if (state !== undefined && !(ALERT_LIST_STATES as readonly string[]).includes(state))
      throw new ApiError('invalid_state', `state must be one of ${ALERT_LIST_STATES.join(', ')}`);
    const scope = request.bureauScope;
    const bureaus = [scope, ...(['city', 'county'] as const).flatMap((level) => this.registry.regions.descendantsAt(scope, level).map((r) => r.code))];
    const alerts = await this.alerts.list({ state: state as AlertListState | undefined, bureaus: [...new Set(bureaus)], indicator });
    return { alerts };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its history' })
  @ApiOkResponse({ type: AlertWithHistoryDto })
  @ApiForbiddenResponse({ description: 'The alert belongs to another region (`out_of_scope`)' })
  @ApiNotFoundResponse({ description: '`alert_not_found`' })
  async one(@Param('id') id: string, @Req() request: BureauRequest) {
    const alert = await this.alertInScope(id, request.bureauScope);
    return { ...alert, history: await this.alerts.history(id) };
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Acknowledge an open alert of the token’s subtree: no more repeats or escalation; its resolution is still sent' })
  @ApiForbiddenResponse({ description: 'The alert belongs to another region (`out_of_scope`)' })
  @ApiNotFoundResponse({ description: '`alert_not_found`, or `alert_not_open` when it has already resolved' })
  @ApiOkResponse({ type: AlertDto, description: 'The alert, acknowledged' })
  async acknowledge(@Param('id') id: string, @Body() body: BureauAcknowledgeDto, @Req() request: BureauRequest) {
    await this.alertInScope(id, request.bureauScope);
    return this.actions.acknowledge(id, actorOf(body.by, request.bureauScope), body.comment, new Date());
  }

  private async alertInScope(id: string, scope: string): Promise<AlertRecord> {
    if (!/^\d{1,18}$|^[0-9a-f-]{36}$/i.test(id)) throw new ApiError('invalid_id', 'Not an alert id');
    const alert = await this.alerts.find(id);
    if (!alert) throw new ApiError('alert_not_found', `No alert ${id}`);
    // A feed alert's region is the institution (in scope through its county); other alerts belong to their bureau.
    regionInScope(this.registry, alert.level === 'institution' ? alert.region : alert.bureau, scope);
    return alert;
  }
}
