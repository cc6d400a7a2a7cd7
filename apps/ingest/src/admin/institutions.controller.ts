import { Body, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminController } from './admin-controller.decorator';
import { MAX_ITEMS_PER_REQUEST } from './admin-limits';
import { ApiOneOrManyBody } from './api-one-or-many-body.decorator';
import { ErrorBodyDto } from './dto/error-body.dto';
import { InstitutionChangeDto, InstitutionDto, InstitutionQueryDto, InstitutionRegistrationDto, RegisteredInstitutionsDto } from './dto/institution.dto';
import { OneOrManyPipe, type OneOrMany } from './one-or-many.pipe';
import { RegistryAdminService } from './registry-admin.service';

@AdminController('institutions')
export class InstitutionsController {
  constructor(private readonly registry: RegistryAdminService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Register institutions, one or a list (idempotent by id; all or nothing)' })
  @ApiOneOrManyBody(InstitutionRegistrationDto, MAX_ITEMS_PER_REQUEST, {
    township: { value: { id: '610921-THC-001', name: '汉阴县城关镇中心卫生院', county: '610921', type: 'township_health_center' } },
    batch: {
      value: [
        { id: '610921-CH-001', name: '汉阴县人民医院', county: '610921', type: 'county_hospital' },
        { id: '610921-VC-001', name: '汉阴县城关镇五一村卫生室', county: '610921', type: 'village_clinic' },
        { id: '610981-THC-001', name: '旬阳市城关镇中心卫生院', county: '610928', type: 'township_health_center', level: 2 },
      ],
    },
  })
  @ApiOkResponse({ type: RegisteredInstitutionsDto })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_registration`, with `errors[].code` `unknown_region`, `not_a_county` or `invalid`',
    type: ErrorBodyDto,
  })
  async register(
    @Body(new OneOrManyPipe(InstitutionRegistrationDto, MAX_ITEMS_PER_REQUEST)) body: OneOrMany<InstitutionRegistrationDto>,
  ): Promise<RegisteredInstitutionsDto> {
    const institutions = await this.registry.registerInstitutions(body.items);
    return { registered: institutions.length, institutions };
  }

  @Get()
  @ApiOperation({ summary: 'List institutions, optionally of one county and type' })
  @ApiOkResponse({ type: [InstitutionDto] })
  list(@Query() query: InstitutionQueryDto): Promise<InstitutionDto[]> {
    return this.registry.listInstitutions(query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename or (de)activate an institution; a deactivated one can no longer report' })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiNotFoundResponse({ description: '`institution_not_found`', type: ErrorBodyDto })
  change(@Param('id') id: string, @Body() change: InstitutionChangeDto): Promise<InstitutionDto> {
    return this.registry.changeInstitution(id, change);
  }
}
