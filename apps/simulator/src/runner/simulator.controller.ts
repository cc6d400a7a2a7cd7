import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FeedRunner, type FeedStatus } from './feed-runner.service';
import { FeedStatusDto } from './feed-status.dto';

/** Operator controls of the demo feed (bound to 127.0.0.1 by default, like every app). */
@ApiTags('simulator')
@Controller('v1/simulator')
export class SimulatorController {
  constructor(private readonly runner: FeedRunner) {}

  @Get('status')
  @ApiOperation({ summary: 'Counts of the feed: sent, accepted, duplicate, rejected, errors, and the rate' })
  @ApiOkResponse({ type: FeedStatusDto })
  status(): FeedStatus {
    return this.runner.status();
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the live feed (no-op when running)' })
  @ApiOkResponse({ type: FeedStatusDto })
  start(): FeedStatus {
    return this.runner.start();
  }

  @Post('stop')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the live feed after the batch in flight' })
  @ApiOkResponse({ type: FeedStatusDto })
  stop(): Promise<FeedStatus> {
    return this.runner.stop();
  }
}
