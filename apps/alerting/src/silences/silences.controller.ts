import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AlertActions, SilenceDto, SilencesRepository } from '@lib/targets-store';
import { AdminController } from '../auth/admin-controller.decorator';
import { Clock } from '../clock/clock';
import { CreateSilenceDto } from './silence.dto';

/**
 * Silences: while one matches, an alert's transitions are still recorded and published on the topic
 * (flagged `silenced`), but no webhook is called. The alert lives on: when the silence ends and it is
 * still firing, the next repeat reaches the bureau.
 */
@AdminController('v1/silences', 'silences')
export class SilencesController {
  constructor(
    private readonly silences: SilencesRepository,
    private readonly actions: AlertActions,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Silence alerts matching an indicator and/or a region subtree until endsAt' })
  @ApiCreatedResponse({ type: SilenceDto })
  create(@Body() body: CreateSilenceDto) {
    return this.actions.silence(
      {
        indicator: body.indicator ?? null,
        region: body.region ?? null,
        startsAt: body.startsAt ? new Date(body.startsAt) : undefined,
        endsAt: new Date(body.endsAt),
        createdBy: body.createdBy,
        comment: body.comment ?? '',
      },
      this.clock.now(),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Silences, newest first' })
  @ApiOkResponse({ type: [SilenceDto] })
  list() {
    return this.silences.all();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Expire a silence now' })
  @ApiOkResponse({ type: SilenceDto, description: 'The silence, ended now' })
  expire(@Param('id') id: string) {
    return this.actions.unsilence(id, this.clock.now());
  }
}
