import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import { EpidemicPanels } from './epidemic-panel.service';

class EpidemicCellDto {
  @ApiProperty({ example: '610921' }) region: string;
  @ApiProperty({ example: 'measles' }) disease: string;
  @ApiProperty({ description: 'Cases in the 7 days to today (CST)', example: 8 }) cases: number;
  @ApiProperty({ description: 'Cases in the 7 days before them', example: 1 }) previous: number;
  @ApiProperty({ enum: ['green', 'yellow', 'red'], description: 'The open outbreak alert’s colour; green without one' }) status: string;
  @ApiProperty({ type: String, enum: ['pending', 'firing'], nullable: true }) alertState: string | null;
  @ApiProperty({ type: String, example: 'moving_percentile', nullable: true }) method: string | null;
  @ApiProperty({
    description: 'Moving percentile band: P80 (yellow) and the maximum (red) of the baseline windows',
    type: 'object',
    properties: { yellow: { type: 'number' }, red: { type: 'number' } },
    nullable: true,
    example: { yellow: 1, red: 2 },
  })
  band: { yellow: number; red: number } | null;
  @ApiProperty({ type: String, enum: ['above_red', 'above_yellow', 'within'], nullable: true }) position: string | null;
}

class EpidemicPanelDto {
  @ApiProperty({ example: '20261125' }) windowFrom: string;
  @ApiProperty({ example: '20261201' }) windowTo: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { region: { type: 'string' }, name: { type: 'string' } } } })
  counties: { region: string; name: string }[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    example: [{ code: 'measles', name: '麻疹' }],
  })
  diseases: { code: string; name: string }[];
  @ApiProperty({ type: [EpidemicCellDto] }) cells: EpidemicCellDto[];
}

/** 疫情三色预警一览: the dashboard's county × disease grid (docs/surveillance.md). */
@ApiTags('surveillance')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/surveillance')
export class EpidemicController {
  constructor(
    private readonly panels: EpidemicPanels,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Get('epidemic')
  @ApiOperation({
    summary: 'The epidemic panel: every county of the region × disease with a case in the last 18 days or an open outbreak alert',
    description:
      'Per cell: this week’s (7 days to today) and last week’s cases, the colour of the open outbreak alert (green without one), and where the week lies ' +
      'against the moving-percentile band of the detector (P80, maximum of the same windows of the three previous years).',
  })
  @ApiQuery({ name: 'region', required: false, description: 'A region in the token’s scope (default: the token’s region)' })
  @ApiOkResponse({ type: EpidemicPanelDto })
  epidemic(@Req() request: BureauRequest, @Query('region') region?: string) {
    return this.panels.panel(regionInScope(this.registry, region ?? request.bureauScope, request.bureauScope), new Date());
  }
}
