import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { IndicatorValues } from './indicator-values.service';
import { seriesRequest, valuesRequest } from './read-request';
import { FHIR_JSON } from '../fhir/fhir.controller';
import { PublicBaseUrl } from '../fhir/public-base-url';
import { toBundle, toMeasureReport } from '../fhir/fhir-resources';
import { csvSelection, csvAnswer, wantsCsv, wantsFhir } from './respond';
import { RankingResponseDto, SeriesResponseDto, ValuesResponseDto } from './value-row.dto';
import { ApiDimensionQueries } from './api-dimension-queries.decorator';
import { rankingAnswer, seriesAnswer, valuesAnswer } from './answer-bodies';

const VALUE_COLUMNS = ['region', 'name', 'numerator', 'denominator', 'value', 'target', 'status', 'asOf'] as const;

@ApiTags('indicators')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/indicators/:code')
@ApiParam({ name: 'code', example: 'county_visit_rate' })
@ApiProduces('application/json', 'text/csv')
export class ValuesController {
  constructor(
    private readonly indicatorValues: IndicatorValues,
    private readonly registry: RegistrySnapshot,
    private readonly baseUrl: PublicBaseUrl,
  ) {}

  @Get('values')
  @ApiOperation({ summary: 'Values for one period: the region itself, or every region under it at `level` (drill-down)' })
  @ApiQuery({ name: 'period', example: '2024', description: 'DHIS2 period id: 2024, 2024Q1, 202403, 20240315 (in progress = to date)' })
  @ApiQuery({ name: 'region', required: false, example: '610900', description: 'Defaults to the token’s region' })
  @ApiQuery({ name: 'level', required: false, enum: ['institution', 'county', 'city', 'province'] })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'fhir'], description: 'fhir: a Bundle of R4 MeasureReports' })
  @ApiDimensionQueries()
  @ApiOkResponse({ type: ValuesResponseDto, description: 'JSON; CSV and FHIR carry the same rows' })
  async values(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @Req() request: BureauRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const asked = valuesRequest(this.registry, request.bureauScope, code, query);
    const { def, period, region, dims } = asked;
    const values = await this.indicatorValues.values(asked);
    if (wantsCsv(request)) return csvAnswer(response, csvSelection(def, dims, [period, region], [...VALUE_COLUMNS], values));
    if (wantsFhir(request)) {
      response.type(FHIR_JSON);
      const reports = values.map((v) => toMeasureReport(def, this.baseUrl.api, period, { ...v, isInstitution: v.level === 'institution', dims }));
      return toBundle(reports);
    }
    return valuesAnswer(asked, values);
  }

  @Get('ranking')
  @ApiOperation({ summary: 'Regions under `region` at `level`, best first, with rank and distance to target' })
  @ApiOkResponse({ type: RankingResponseDto })
  @ApiDimensionQueries()
  @ApiQuery({ name: 'period', example: '2024' })
  @ApiQuery({ name: 'region', required: false, example: '610900' })
  @ApiQuery({ name: 'level', required: false, enum: ['institution', 'county', 'city', 'province'] })
  async ranking(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @Req() request: BureauRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const asked = valuesRequest(this.registry, request.bureauScope, code, query, 'county');
    const { def, period, region, dims } = asked;
    const ranking = await this.indicatorValues.ranking(asked);
    if (wantsCsv(request))
      return csvAnswer(response, csvSelection(def, dims, [period, region, 'ranking'], ['rank', ...VALUE_COLUMNS, 'distanceToTarget'], ranking));
    return rankingAnswer(asked, ranking);
  }

  @Get('series')
  @ApiOperation({ summary: 'One row per period from `from` to `to` (same granularity) for one region' })
  @ApiQuery({ name: 'region', required: false, example: '610921' })
  @ApiQuery({ name: 'from', example: '202401' })
  @ApiQuery({ name: 'to', example: '202412' })
  @ApiDimensionQueries()
  @ApiOkResponse({ type: SeriesResponseDto, description: 'JSON; CSV carries the same rows' })
  async series(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @Req() request: BureauRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const asked = seriesRequest(this.registry, request.bureauScope, code, query);
    const { def, from, to, dims } = asked;
    const series = await this.indicatorValues.series(asked);
    if (wantsCsv(request))
      return csvAnswer(response, csvSelection(def, dims, [series.region, from, to], ['period', 'numerator', 'denominator', 'value', 'asOf'], series.series));
    return seriesAnswer(asked, series);
  }
}
