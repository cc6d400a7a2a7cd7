import { Body, Controller, HttpCode, ParseArrayPipe, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@lib/platform';
import { isPopulationGroup, PopulationRow } from '@lib/registry';
import { PopulationsRepository, RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';
import { ComputedReadsCache } from '../cache/computed-reads.cache';
import { PopulationUploadDto } from './population-upload.dto';

const MAX_ROWS = 10_000;

@ApiTags('populations')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/populations')
export class PopulationsController {
  constructor(
    private readonly populations: PopulationsRepository,
    private readonly registry: RegistrySnapshot,
    private readonly computedReads: ComputedReadsCache,
  ) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload population denominators (per region, year and group) for the token’s regions' })
  @ApiBody({ type: [PopulationUploadDto] })
  @ApiOkResponse({ type: () => PopulationsStoredDto })
  @ApiForbiddenResponse({ description: 'A row’s region is outside the token’s subtree (`out_of_scope`); nothing is stored' })
  async upload(
    @Body(new ParseArrayPipe({ items: PopulationUploadDto, whitelist: true, forbidNonWhitelisted: true })) rows: PopulationUploadDto[],
    @Req() request: BureauRequest,
  ) {
    if (rows.length === 0 || rows.length > MAX_ROWS) {
      throw new ApiError('invalid_batch', `Send 1 to ${MAX_ROWS} rows`);
    }
    const checked: PopulationRow[] = rows.map((row, index) => {
      if (!isPopulationGroup(row.group)) {
        throw new ApiError('unknown_population_group', `rows[${index}].group ${row.group} is not a population group`);
      }
      return { ...row, region: regionInScope(this.registry, row.region, request.bureauScope), group: row.group };
    });
    await this.populations.upsert(checked);
    this.computedReads.populationsChanged(checked.map((row) => row.year));
    return { stored: checked.length };
  }
}

class PopulationsStoredDto {
  @ApiProperty({ example: 12, description: 'Rows stored (inserted or replaced)' })
  stored: number;
}
