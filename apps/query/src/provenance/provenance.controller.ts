import { Controller, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@lib/platform';
import { ApiDimensionQueries } from '../values/api-dimension-queries.decorator';
import { ProvenancePageDto } from './provenance-page.dto';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import { dimsOrThrow, indicatorOrThrow, levelOrThrow, periodOrThrow } from '../values/cell-query';
import { levelOf } from '../values/regions-at-level';
import { ProvenanceTimeoutError } from './provenance.repository';
import { ProvenancePart, ProvenanceService } from './provenance.service';

const PARTS: readonly string[] = ['numerator', 'denominator', 'value'];

@ApiTags('indicators')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/indicators/:code/provenance')
export class ProvenanceController {
  constructor(
    private readonly provenance: ProvenanceService,
    private readonly registry: RegistrySnapshot,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The (pseudonymised) events behind a value’s numerator or denominator, paged by subject' })
  @ApiParam({ name: 'code', example: 'county_visit_rate' })
  @ApiQuery({ name: 'period', example: '2024' })
  @ApiQuery({ name: 'region', example: '610921' })
  @ApiQuery({ name: 'part', required: false, enum: ['numerator', 'denominator', 'value'] })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'level', required: false, enum: ['institution', 'county', 'city', 'province'] })
  @ApiDimensionQueries()
  @ApiOkResponse({ type: ProvenancePageDto })
  @ApiServiceUnavailableResponse({ description: '`provenance_timeout`: ask for a smaller region or level' })
  async explain(@Param('code') code: string, @Query() query: Record<string, unknown>, @Req() request: BureauRequest) {
    const def = indicatorOrThrow(code);
    const period = periodOrThrow(def, query.period);
    const { part = def.read.kind === 'count' ? 'value' : 'numerator', cursor, limit = '50', region: rawRegion, ...rest } = query;
    if (typeof part !== 'string' || !PARTS.includes(part)) throw new ApiError('invalid_part', `part must be one of ${PARTS.join(', ')}`);
    const size = Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 500) throw new ApiError('invalid_limit', 'limit must be 1..500');
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 300)) throw new ApiError('invalid_cursor', 'Invalid cursor');
    const dims = dimsOrThrow(def, { ...rest, period });
    const region = regionInScope(this.registry, typeof rawRegion === 'string' ? rawRegion : request.bureauScope, request.bureauScope);
    const level = levelOrThrow(def, query.level) ?? levelOf(this.registry, region);
    const page = await this.provenance.explain(def, level, region, period, dims, part as ProvenancePart, cursor ?? null, size).catch((error: unknown) => {
      if (error instanceof ProvenanceTimeoutError) {
        throw new ApiError('provenance_timeout', 'The provenance query took too long; ask for a smaller region or level');
      }
      throw error;
    });
    return { indicator: code, period, region, level, part, dims: dims || undefined, ...page };
  }
}
