import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RegistrySnapshot } from '@lib/registry-store';
import { AlertsRepository, AlertState } from '@lib/targets-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';

const STATES: readonly string[] = ['pending', 'firing', 'resolved', 'open'];

/**
 * A bureau's alerts: those addressed to its region or any region under it (a city sees its counties'
 * alerts and those escalated to it). Alerts are raised, acknowledged and silenced by the alerting service.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Alerts in the token’s scope, newest first' })
  @ApiQuery({ name: 'state', required: false, enum: ['pending', 'firing', 'resolved', 'open'] })
  @ApiQuery({ name: 'indicator', required: false })
  async list(@Req() request: BureauRequest, @Query('state') state?: string, @Query('indicator') indicator?: string) {
    if (state !== undefined && !STATES.includes(state)) throw new BadRequestException({ code: 'invalid_state', message: `state must be one of ${STATES.join(', ')}` });
    const scope = request.bureauScope;
    const bureaus = [scope, ...(['city', 'county'] as const).flatMap((level) => this.registry.regions.descendantsAt(scope, level).map((r) => r.code))];
    const alerts = await this.alerts.list({ state: state as AlertState | 'open' | undefined, bureaus: [...new Set(bureaus)], indicator });
    return { alerts };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its history' })
  async one(@Param('id') id: string, @Req() request: BureauRequest) {
    if (!/^\d{1,18}$|^[0-9a-f-]{36}$/i.test(id)) throw new BadRequestException({ code: 'invalid_id', message: 'Not an alert id' });
    const alert = await this.alerts.find(id);
    if (!alert) throw new NotFoundException({ code: 'alert_not_found', message: `No alert ${id}` });
    regionInScope(this.registry, alert.level === 'institution' ? alert.region : alert.bureau, request.bureauScope);
    return { ...alert, history: await this.alerts.history(id) };
  }
}
