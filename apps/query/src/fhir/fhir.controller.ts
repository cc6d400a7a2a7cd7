import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '@lib/indicators';
import { BureauTokenGuard } from '../auth/bureau-token.guard';
import { indicatorOrThrow } from '../values/cell-query';
import { toBundle, toMeasure } from './fhir-resources';
import { PublicBaseUrl } from './public-base-url';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** The catalogue as FHIR R4 Measures (values come as MeasureReports with `format=fhir` on /values). */
@ApiTags('fhir')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/fhir/Measure')
export class FhirController {
  constructor(private readonly baseUrl: PublicBaseUrl) {}

  @Get()
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'Every indicator as a FHIR R4 Measure (Bundle)' })
  all() {
    return toBundle(CATALOGUE.map((def) => toMeasure(def, this.baseUrl.api)));
  }

  @Get(':code')
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'One indicator as a FHIR R4 Measure' })
  one(@Param('code') code: string) {
    return toMeasure(indicatorOrThrow(code), this.baseUrl.api);
  }
}
