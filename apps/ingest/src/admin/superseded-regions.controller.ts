import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminController } from './admin-controller.decorator';
import { MAX_ITEMS_PER_REQUEST } from './admin-limits';
import { ApiOneOrManyBody } from './api-one-or-many-body.decorator';
import { ErrorBodyDto } from './dto/error-body.dto';
import { RegisteredSupersededDto, SupersededRegionDto } from './dto/region.dto';
import { OneOrManyPipe, type OneOrMany } from './one-or-many.pipe';
import { RegistryAdminService } from './registry-admin.service';

@AdminController('superseded-regions')
export class SupersededRegionsController {
  constructor(private readonly registry: RegistryAdminService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Map old codes that older systems still send to current regions (idempotent)' })
  @ApiOneOrManyBody(SupersededRegionDto, MAX_ITEMS_PER_REQUEST, {
    xunyang: { summary: '旬阳县 became 旬阳市 in 2021', value: [{ oldCode: '610928', currentCode: '610981', oldName: '旬阳县', since: 2021 }] },
  })
  @ApiOkResponse({ type: RegisteredSupersededDto })
  @ApiUnprocessableEntityResponse({ description: '`invalid_registration`: current code not registered, old code still a region, a cycle', type: ErrorBodyDto })
  async register(@Body(new OneOrManyPipe(SupersededRegionDto, MAX_ITEMS_PER_REQUEST)) body: OneOrMany<SupersededRegionDto>): Promise<RegisteredSupersededDto> {
    const superseded = await this.registry.registerSuperseded(body.items);
    return { registered: superseded.length, superseded };
  }
}
