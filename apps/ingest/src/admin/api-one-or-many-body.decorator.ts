import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import type { ExampleObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** OpenAPI for a body that OneOrManyPipe reads: one object, or a list of up to `max`. */
export function ApiOneOrManyBody(dto: Type<unknown>, max: number, examples: Record<string, ExampleObject>): MethodDecorator {
  const item = { $ref: getSchemaPath(dto) };
  return applyDecorators(ApiExtraModels(dto), ApiBody({ schema: { oneOf: [item, { type: 'array', minItems: 1, maxItems: max, items: item }] }, examples }));
}
