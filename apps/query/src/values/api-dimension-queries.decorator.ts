import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { CATALOGUE } from '@lib/indicators';

/**
 * Declares every dimension of the catalogue (vaccine, dose, cohort, ...) as an optional query
 * parameter: an indicator with dimensions needs all of its own (GET /v1/indicators/{code} lists
 * them) and refuses the others (missing_dimension, unknown_parameter).
 */
export function ApiDimensionQueries(): MethodDecorator {
  const dimensions = [...new Set(CATALOGUE.flatMap((def) => def.dimensions))].sort();
  return applyDecorators(
    ...dimensions.map((name) =>
      ApiQuery({
        name,
        required: false,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
        description: `Dimension of the indicators that have it (${CATALOGUE.filter((def) => def.dimensions.includes(name))
          .map((def) => def.code)
          .join(', ')}); required there, refused elsewhere`,
        example: DIMENSION_EXAMPLES[name],
      }),
    ),
  );
}

const DIMENSION_EXAMPLES: Record<string, string> = { vaccine: 'HepB', dose: '3', cohort: '2025', disease: 'measles' };
