import { IsString, Matches } from 'class-validator';
import { AdminError } from './errors/admin-error';
import { OneOrManyPipe } from './one-or-many.pipe';

class Item {
  @Matches(/^\d{6}$/)
  code: string;

  @IsString()
  name: string;
}

describe('OneOrManyPipe', () => {
  const pipe = new OneOrManyPipe(Item, 2);
  const thrown = (body: unknown): AdminError => {
    try {
      pipe.transform(body);
    } catch (error) {
      return error as AdminError;
    }
    throw new Error('expected a rejection');
  };

  it('takes one object or a list, and says which', () => {
    expect(pipe.transform({ code: '610900', name: '安康市' })).toEqual({ items: [{ code: '610900', name: '安康市' }], many: false });
    expect(pipe.transform([{ code: '610900', name: '安康市' }]).many).toBe(true);
  });

  it('names the index and field of each problem', () => {
    expect(
      thrown([
        { code: '610900', name: 'a' },
        { code: '6109', name: 'b' },
      ]).errors,
    ).toEqual([{ index: 1, path: 'code', code: 'invalid', message: expect.stringContaining('code') }]);
    expect(thrown([{ code: '610900', name: 'a', extra: 1 }]).errors).toEqual([expect.objectContaining({ index: 0, path: 'extra' })]);
    expect(thrown(['x']).errors).toEqual([expect.objectContaining({ index: 0, path: '' })]);
  });

  it('refuses an empty list and more than the maximum', () => {
    expect(thrown([]).code).toBe('invalid_request');
    expect(thrown([{}, {}, {}]).code).toBe('too_many_items');
  });
});
