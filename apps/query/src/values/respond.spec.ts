import { CATALOGUE } from '@lib/indicators';
import { toCsv } from './csv';
import { chinaTime, csvSelection } from './respond';

const indicator = (code: string) => CATALOGUE.find((def) => def.code === code)!;

describe('csvSelection: an export a bureau can open', () => {
  it('writes bilingual headers, the displayed value beside the raw figures, and times in China Standard Time', () => {
    const csv = csvSelection(
      indicator('vaccination_coverage'),
      'cohort=2025;dose=3;vaccine=HepB',
      ['2026', '610921'],
      ['region', 'name', 'numerator', 'denominator', 'value', 'asOf'],
      [{ region: '610921', name: '汉阴县', numerator: 913, denominator: 1000, value: 0.913, asOf: '2026-05-06T02:00:00.000Z' }],
    );
    const [header, row] = toCsv(csv.columns as never, csv.rows as never, csv.headers)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toBe(
      '地区代码 region,疫苗 vaccine,剂次 dose,出生队列 cohort,名称 name,分子 numerator,分母 denominator,值 value,显示值 displayValue,数据截至(北京时间) asOf',
    );
    expect(row).toBe('610921,HepB,3,2025,汉阴县,913,1000,0.913,91.3%,2026-05-06T10:00:00+08:00');
  });

  it('displays counts whole and leaves the display empty without a value', () => {
    const count = CATALOGUE.find((def) => def.unit === 'count')!;
    const csv = csvSelection(
      count,
      '',
      [],
      ['region', 'value'],
      [
        { region: '610921', value: 12 },
        { region: '610922', value: null },
      ],
    );
    expect(csv.rows).toEqual([expect.objectContaining({ displayValue: '12' }), expect.objectContaining({ displayValue: '' })]);
  });

  it('turns any ISO instant into +08:00 wall time', () => {
    expect(chinaTime('2026-12-31T16:30:00Z')).toBe('2027-01-01T00:30:00+08:00');
    expect(chinaTime('2026-05-06T10:00:00.000+08:00')).toBe('2026-05-06T10:00:00+08:00');
  });
});
