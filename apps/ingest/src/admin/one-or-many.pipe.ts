import { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AdminError, type ItemProblem } from './errors/admin-error';

/** A body that may be one object or a list of them; `many` says which, so the answer can match. */
export interface OneOrMany<T> {
  items: T[];
  many: boolean;
}

/**
 * Validates a body of one DTO or an array of up to `max` of them (the global ValidationPipe
 * skips arrays). Problems name the item's index and field, like the event door's rejections.
 */
export class OneOrManyPipe<T extends object> implements PipeTransform<unknown, OneOrMany<T>> {
  constructor(
    private readonly dto: new () => T,
    private readonly max: number,
  ) {}

  transform(body: unknown): OneOrMany<T> {
    const many = Array.isArray(body);
    const raw: unknown[] = many ? body : [body];
    if (raw.length === 0) throw new AdminError('invalid_request', 'The list is empty');
    if (raw.length > this.max) throw new AdminError('too_many_items', `At most ${this.max} items per request, got ${raw.length}`);
    const problems: ItemProblem[] = [];
    const items = raw.map((value, index) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ index, path: '', code: 'invalid', message: 'each item must be an object' });
        return undefined as unknown as T;
      }
      const item = plainToInstance(this.dto, value);
      for (const error of validateSync(item, { whitelist: true, forbidNonWhitelisted: true })) problems.push(toProblem(index, error));
      return item;
    });
    if (problems.length > 0) throw new AdminError('invalid_request', `${problems.length} problem(s) in the request body`, problems);
    return { items, many };
  }
}

function toProblem(index: number, error: ValidationError): ItemProblem {
  return { index, path: error.property, code: 'invalid', message: Object.values(error.constraints ?? {}).join('; ') };
}
