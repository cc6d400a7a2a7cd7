import { Body, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AlertDto, AlertWithHistoryDto } from '@lib/targets-store';
import { AdminController } from '../auth/admin-controller.decorator';
import { AcknowledgeDto, AlertsQueryDto } from './alert.dto';
import { AlertsService } from './alerts.service';

@AdminController('v1/alerts', 'alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts, newest first: open ones and those that fired (state=open for pending and firing, state=cleared for those that ended pending)',
  })
  @ApiOkResponse({ type: [AlertDto] })
  list(@Query() query: AlertsQueryDto) {
    return this.alerts.list({ state: query.state, bureaus: query.region ? [query.region] : undefined, indicator: query.indicator });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its history of transitions' })
  @ApiOkResponse({ type: AlertWithHistoryDto })
  get(@Param('id') id: string) {
    return this.alerts.get(id);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Acknowledge an open alert: no more repeats or escalation; resolution is still sent' })
  @ApiOkResponse({ type: AlertDto, description: 'The alert, acknowledged' })
  acknowledge(@Param('id') id: string, @Body() body: AcknowledgeDto) {
    return this.alerts.acknowledge(id, body.by ?? 'operator', body.comment ?? '');
  }
}
