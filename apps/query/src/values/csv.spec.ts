import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, a header, CRLF lines and quotes where needed', () => {
    const csv = toCsv(
      ['region', 'name', 'value'],
      [
        { region: '610921', name: '汉阴县', value: 0.91 },
        { region: 'x', name: 'a "quoted", name', value: null },
      ],
    );
    expect(csv).toBe('\uFEFFregion,name,value\r\n610921,汉阴县,0.91\r\nx,"a ""quoted"", name",\r\n');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(toCsv(['name'], [{ name: '=HYPERLINK("x")' }])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a nested value as JSON, not as [object Object]', () => {
    expect(toCsv(['dims'], [{ dims: { sex: 'F' } }])).toBe('\uFEFFdims\r\n"{""sex"":""F""}"\r\n');
  });
});
