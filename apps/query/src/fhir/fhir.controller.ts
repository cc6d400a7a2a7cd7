import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOGUE } from '@lib/indicators';
import { BureauTokenGuard } from '../auth/bureau-token.guard';
import { indicatorOrThrow } from '../values/cell-query';
import { toBundle, toMeasure } from './fhir-resources';
import { PublicBaseUrl } from './public-base-url';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A FHIR resource is described by the FHIR R4 specification itself (hl7.org/fhir/R4); here only its type. */
const FHIR_RESOURCE_SCHEMA = (resourceType: string) => ({
  type: 'object' as const,
  required: ['resourceType'],
  properties: { resourceType: { type: 'string', enum: [resourceType] } },
  additionalProperties: true,
  externalDocs: { url: `https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html` },
});

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
  @ApiOkResponse({ description: 'A FHIR R4 Bundle of Measures', content: { 'application/fhir+json': { schema: FHIR_RESOURCE_SCHEMA('Bundle') } } })
  all() {
    return toBundle(CATALOGUE.map((def) => toMeasure(def, this.baseUrl.api)));
  }

  @Get(':code')
  @Header('Content-Type', FHIR_JSON)
  @ApiOperation({ summary: 'One indicator as a FHIR R4 Measure' })
  @ApiOkResponse({ description: 'A FHIR R4 Measure', content: { 'application/fhir+json': { schema: FHIR_RESOURCE_SCHEMA('Measure') } } })
  @ApiNotFoundResponse({ description: 'No such indicator' })
  one(@Param('code') code: string) {
    return toMeasure(indicatorOrThrow(code), this.baseUrl.api);
  }
}
