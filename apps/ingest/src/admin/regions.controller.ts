import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminController } from './admin-controller.decorator';
import { MAX_ITEMS_PER_REQUEST } from './admin-limits';
import { ApiOneOrManyBody } from './api-one-or-many-body.decorator';
import { ErrorBodyDto } from './dto/error-body.dto';
import { RegionRegistrationDto, RegisteredRegionsDto } from './dto/region.dto';
import { OneOrManyPipe, type OneOrMany } from './one-or-many.pipe';
import { RegistryAdminService } from './registry-admin.service';

@AdminController('regions')
export class RegionsController {
  constructor(private readonly registry: RegistryAdminService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register or rename regions (idempotent); level and parent follow from the code when omitted' })
  @ApiOneOrManyBody(RegionRegistrationDto, MAX_ITEMS_PER_REQUEST, {
    county: { value: [{ code: '610921', name: '汉阴县' }] },
    cityWithCounties: {
      value: [
        { code: '610900', name: '安康市' },
        { code: '610902', name: '汉滨区' },
      ],
    },
    provinceAdministered: { value: [{ code: '429004', name: '仙桃市', parentCode: '420000' }] },
  })
  @ApiOkResponse({ type: RegisteredRegionsDto })
  @ApiUnprocessableEntityResponse({ description: '`invalid_registration`: bad code, unregistered parent, clash with a superseded code', type: ErrorBodyDto })
  async register(@Body(new OneOrManyPipe(RegionRegistrationDto, MAX_ITEMS_PER_REQUEST)) body: OneOrMany<RegionRegistrationDto>): Promise<RegisteredRegionsDto> {
    const regions = await this.registry.registerRegions(body.items);
    return { registered: regions.length, regions };
  }
}
