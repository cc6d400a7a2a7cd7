import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOGUE, IndicatorDefinition } from '@lib/indicators';
import { BureauTokenGuard } from '../auth/bureau-token.guard';
import { indicatorOrThrow } from '../values/cell-query';
import { CatalogueDto, IndicatorDescriptionDto } from './indicator-description.dto';

/** What a bureau analyst reads about an indicator (the counting rules stay internal). */
function describe(def: IndicatorDefinition): IndicatorDescriptionDto {
  return {
    code: def.code,
    name: def.name,
    nameEn: def.nameEn,
    unit: def.unit,
    higherIsBetter: def.higherIsBetter,
    definition: def.definition,
    attribution: def.attribution,
    levels: [...def.levels],
    periods: [...def.periods],
    dimensions: [...def.dimensions],
    /** Fewest cases to judge a value against a target unless the target sets its own (status `insufficient_data` below). */
    minDenominator: def.minDenominator,
  };
}

@ApiTags('indicators')
@ApiBearerAuth()
@UseGuards(BureauTokenGuard)
@Controller('v1/indicators')
export class CatalogueController {
  @Get()
  @ApiOperation({ summary: 'The indicator catalogue' })
  @ApiOkResponse({ type: CatalogueDto })
  list(): CatalogueDto {
    return { indicators: CATALOGUE.map(describe) };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One indicator’s definition' })
  @ApiOkResponse({ type: IndicatorDescriptionDto })
  @ApiNotFoundResponse({ description: 'No such indicator' })
  one(@Param('code') code: string): IndicatorDescriptionDto {
    return describe(indicatorOrThrow(code));
  }
}
