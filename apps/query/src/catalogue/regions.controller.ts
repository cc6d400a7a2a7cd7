import { Controller, Get, Param, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionViewDto } from './region-view.dto';
import { RegistrySnapshot } from '@lib/registry-store';
import { BureauRequest, BureauTokenGuard } from '../auth/bureau-token.guard';
import { regionInScope } from '../auth/scope';

/** The hierarchy a bureau drills down: its region, the regions under it, a county's institutions. */
@ApiTags('regions')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/regions')
export class RegionsController {
  constructor(private readonly registry: RegistrySnapshot) {}

  @Get(':code')
  @ApiOperation({ summary: 'A region with its children (and, for a county, its institutions)' })
  @ApiOkResponse({ type: RegionViewDto })
  @ApiForbiddenResponse({ description: 'Outside the token’s subtree (`out_of_scope`)' })
  one(@Param('code') code: string, @Req() request: BureauRequest) {
    const region = this.registry.regions.get(regionInScope(this.registry, code, request.bureauScope));
    if (!region) return { region: code, institution: this.registry.institution(code) };
    return {
      ...region,
      children: this.registry.regions.childrenOf(region.code).map(({ code: child, name, level }) => ({ code: child, name, level })),
      institutions:
        region.level === 'county'
          ? this.registry.institutionsIn(region.code).map(({ id, name, type, level, active }) => ({ id, name, type, level, active }))
          : undefined,
    };
  }
}
