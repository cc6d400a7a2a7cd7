import { Body, Get, HttpCode, HttpStatus, ParseArrayPipe, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { StoredCountDto, StoredTargetDto } from '../operator-responses.dto';
import { AdminController } from '../auth/admin-controller.decorator';
import { DemoTargetsRequestDto, TargetDto } from './target.dto';
import { TargetsService } from './targets.service';

@AdminController('v1/targets', 'targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put()
  @ApiOperation({ summary: 'Create or replace targets (by indicator, scope, year, dims)' })
  @ApiOkResponse({ type: StoredCountDto })
  @ApiBody({ type: [TargetDto] })
  put(@Body(new ParseArrayPipe({ items: TargetDto, whitelist: true, forbidNonWhitelisted: true })) body: TargetDto[]) {
    return this.targets.put(body);
  }

  @Get()
  @ApiOperation({ summary: 'List targets' })
  @ApiOkResponse({ type: [StoredTargetDto] })
  @ApiQuery({ name: 'year', required: false })
  list(@Query('year', new ParseIntPipe({ optional: true })) year?: number) {
    return this.targets.list(year);
  }

  @Post('demo')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Load the source documents' targets as default:county targets of a year" })
  @ApiOkResponse({ type: StoredCountDto })
  loadDemo(@Body() body: DemoTargetsRequestDto) {
    return this.targets.loadDemo(body.year);
  }
}
