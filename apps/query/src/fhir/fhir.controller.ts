import { Controller, Get, Header, Param, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CATALOGUE } from '@lib/indicators';
import { BureauTokenGuard } from '../auth/bureau-token.guard';
import { indicatorOrThrow } from '../values/cell-query';
import { toBundle, toMeasure } from './fhir-resources';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function publicBaseUrl(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}/v1`;
}

/** The catalogue as FHIR R4 Measures (values come as MeasureReports with `format=fhir` on /values). */
@ApiTags('fhir')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/fhir/Measure')
export class FhirController {
  @Get()
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'Every indicator as a FHIR R4 Measure (Bundle)' })
  all(@Req() request: Request) {
    return toBundle(CATALOGUE.map((def) => toMeasure(def, publicBaseUrl(request))));
  }

  @Get(':code')
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'One indicator as a FHIR R4 Measure' })
  one(@Param('code') code: string, @Req() request: Request) {
    return toMeasure(indicatorOrThrow(code), publicBaseUrl(request));
  }
}
