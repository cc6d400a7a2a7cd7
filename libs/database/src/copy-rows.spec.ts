import { copyText, lazyMap, textArrayLiteral } from './copy-rows';

describe('copyText (COPY text format)', () => {
  it('writes null as \\N and escapes what would end a field or a row', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('cohort=2023;dose=3;vaccine=HepB')).toBe('cohort=2023;dose=3;vaccine=HepB');
    expect(copyText(-42)).toBe('-42');
    expect(copyText('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
  });
});

describe('textArrayLiteral', () => {
  it('quotes every element and escapes quotes and backslashes, so braces, commas and NULL stay text', () => {
    expect(textArrayLiteral([])).toBe('{}');
    expect(textArrayLiteral(['evt:610902-CH-001:E1', 'ref:a%3Ab:R"1'])).toBe('{"evt:610902-CH-001:E1","ref:a%3Ab:R\\"1"}');
    expect(textArrayLiteral(['a\\b', '{x,y}', 'NULL'])).toBe('{"a\\\\b","{x,y}","NULL"}');
  });
});

describe('lazyMap', () => {
  it('makes each row only when it is read, in the order of the items', () => {
    const made: number[] = [];
    const rows = lazyMap([1, 2, 3], (n) => {
      made.push(n);
      return [n, `row ${n}`];
    });
    expect(made).toEqual([]);
    const iterator = rows[Symbol.iterator]();
    expect(iterator.next().value).toEqual([1, 'row 1']);
    expect(made).toEqual([1]);
    expect([...iterator]).toEqual([
      [2, 'row 2'],
      [3, 'row 3'],
    ]);
    expect(made).toEqual([1, 2, 3]);
  });
});
