import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiError } from '@lib/platform';
import { EvaluationRunDto } from '../operator-responses.dto';
import { IsISO8601, IsOptional } from 'class-validator';
import { AdminController } from '../auth/admin-controller.decorator';
import { Clock } from '../clock/clock';
import { AlertingSettings } from '../settings/alerting-settings';
import { EvaluationService } from './evaluation.service';

export class EvaluateDto {
  @ApiPropertyOptional({
    example: '2026-08-01T09:00:00+08:00',
    description: 'Judge as of this instant (not in production): moves the clock for demos and tests',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

@AdminController('v1/evaluations', 'alerts')
export class EvaluationsController {
  constructor(
    private readonly evaluation: EvaluationService,
    private readonly clock: Clock,
    private readonly settings: AlertingSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Run the clock's sweep now (every target of the current year, open alerts, feeds)" })
  @ApiOkResponse({ type: EvaluationRunDto })
  async evaluate(@Body() body: EvaluateDto): Promise<{ at: string; transitions: number }> {
    if (body.at && !this.settings.clockOverrideAllowed) throw new ApiError('clock_override_refused', '`at` is refused in production');
    const at = body.at ? new Date(body.at) : this.clock.now();
    return { at: at.toISOString(), transitions: await this.evaluation.sweep(at) };
  }
}
