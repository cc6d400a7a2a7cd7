import { BadRequestException, Body, Delete, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AdminController } from '../auth/admin-controller.decorator';
import { Clock } from '../clock/clock';
import { CreateSilenceDto } from './silence.dto';
import { SilencesRepository } from './silences.repository';

/**
 * Silences: while one matches, an alert's transitions are still recorded and published on the topic
 * (flagged `silenced`), but no webhook is called. The alert lives on: when the silence ends and it is
 * still firing, the next repeat reaches the bureau.
 */
@AdminController('v1/silences', 'silences')
export class SilencesController {
  constructor(
    private readonly silences: SilencesRepository,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Silence alerts matching an indicator and/or a region subtree until endsAt' })
  async create(@Body() body: CreateSilenceDto) {
    if (!body.indicator && !body.region) throw new BadRequestException({ code: 'empty_matcher', message: 'A silence needs an indicator or a region' });
    const startsAt = body.startsAt ? new Date(body.startsAt) : this.clock.now();
    const endsAt = new Date(body.endsAt);
    if (endsAt <= startsAt) throw new BadRequestException({ code: 'ends_before_start', message: 'endsAt must be after startsAt' });
    return this.silences.create({ indicator: body.indicator ?? null, region: body.region ?? null, startsAt, endsAt, createdBy: body.createdBy, comment: body.comment ?? '' });
  }

  @Get()
  @ApiOperation({ summary: 'Silences, newest first' })
  list() {
    return this.silences.all();
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Expire a silence now' })
  async expire(@Param('id') id: string) {
    const silence = await this.silences.expire(id, this.clock.now());
    if (!silence) throw new NotFoundException({ code: 'silence_not_active', message: `No active silence ${id}` });
    return silence;
  }
}
