import { amend, Harness, screening, vaccination, voidOf } from '../testing/event-builders';

const populations: Record<string, number> = { 'birth_cohort:2023': 10, women_35_64: 4, live_births: 2 };
const population = (group: string, year: number) => (year === 2024 ? populations[group] : undefined);
const HEPB3 = 'cohort=2023;dose=3;vaccine=HepB';

describe('免疫规划疫苗接种率 vaccination_coverage', () => {
  it('is distinct children of the birth cohort who got the dose on or before the end of P, over birth_cohort:<year>', () => {
    const h = new Harness().send(
      vaccination({ inst: 'hanyinTownship', person: 'c1', birthDate: '2023-02-01', vaccine: 'HepB', dose: 3, at: '2024-01-15T09:00:00+08:00' }),
      vaccination({ inst: 'hanyinTownship', person: 'c2', birthDate: '2023-05-01', vaccine: 'HepB', dose: 3, at: '2024-03-15T09:00:00+08:00' }),
      // c2's dose recorded twice (two systems): still one child.
      vaccination({ inst: 'hanyinVillage', person: 'c2', birthDate: '2023-05-01', vaccine: 'HepB', dose: 3, at: '2024-03-16T09:00:00+08:00' }),
      // Another dose, another cohort, another county: other cells.
      vaccination({ inst: 'hanyinTownship', person: 'c1', birthDate: '2023-02-01', vaccine: 'HepB', dose: 2, at: '2023-10-15T09:00:00+08:00' }),
      vaccination({ inst: 'hanyinTownship', person: 'c3', birthDate: '2022-12-31', vaccine: 'HepB', dose: 3, at: '2024-02-01T09:00:00+08:00' }),
      vaccination({
        inst: 'hanbinTownship',
        person: 'c4',
        birthDate: '2023-03-01',
        vaccine: 'HepB',
        dose: 3,
        residence: '610902',
        at: '2024-02-01T09:00:00+08:00',
      }),
    );
    const read = (period: string, dims = HEPB3) => h.read('vaccination_coverage', period, 'county', '610921', { dims, population });
    expect(read('202401')).toEqual({ numerator: 1, denominator: 10, value: 0.1 });
    expect(read('202402')).toEqual({ numerator: 1, denominator: 10, value: 0.1 }); // cumulative: January's dose still counts
    expect(read('202403')).toEqual({ numerator: 2, denominator: 10, value: 0.2 });
    expect(read('202412').numerator).toBe(2);
    expect(read('2024Q1').numerator).toBe(2);
    expect(read('2024').numerator).toBe(2);
    expect(read('20240315').numerator).toBe(2);
    expect(read('20240314').numerator).toBe(1);
    expect(read('2024', 'cohort=2022;dose=3;vaccine=HepB').numerator).toBe(1);
    expect(read('2024', 'cohort=2023;dose=2;vaccine=HepB').numerator).toBe(1); // dose given in 2023, cumulative
    expect(read('2023', 'cohort=2023;dose=2;vaccine=HepB')).toEqual({ numerator: 1, denominator: null, value: null }); // no 2023 population uploaded
    expect(h.read('vaccination_coverage', '2024', 'city', '610900', { dims: HEPB3 }).numerator).toBe(3);
  });

  it('moves the child when a dose is corrected to another vaccine, and forgets a voided dose', () => {
    const dose = vaccination({ inst: 'hanyinTownship', person: 'c1', birthDate: '2023-02-01', vaccine: 'HepB', dose: 3, at: '2024-01-15T09:00:00+08:00' });
    const h = new Harness().send(dose);
    const fixed = amend(dose, { vaccine: 'DTaP' });
    h.send(fixed);
    expect(h.read('vaccination_coverage', '2024', 'county', '610921', { dims: HEPB3 }).numerator).toBe(0);
    expect(h.read('vaccination_coverage', '2024', 'county', '610921', { dims: 'cohort=2023;dose=3;vaccine=DTaP' }).numerator).toBe(1);
    h.send(voidOf(fixed));
    expect(h.rows()).toEqual([]);
  });

  it('keeps a child counted from the earliest of duplicate doses when the earliest is voided', () => {
    const early = vaccination({ inst: 'hanyinTownship', person: 'c1', birthDate: '2023-02-01', dose: 3, at: '2024-01-15T09:00:00+08:00' });
    const late = vaccination({ inst: 'hanyinTownship', person: 'c1', birthDate: '2023-02-01', dose: 3, at: '2024-04-15T09:00:00+08:00' });
    const h = new Harness().send(late, early, voidOf(early));
    const dims = 'cohort=2023;dose=1;vaccine=HepB'.replace('dose=1', 'dose=3');
    expect(h.read('vaccination_coverage', '202403', 'county', '610921', { dims }).numerator).toBe(0);
    expect(h.read('vaccination_coverage', '202404', 'county', '610921', { dims }).numerator).toBe(1);
  });
});

describe('两癌筛查覆盖率 cervical/breast_screening_coverage and 新生儿疾病筛查率 newborn_screening_rate', () => {
  it('counts distinct women aged 35–64 on the screening date, once per period', () => {
    const h = new Harness().send(
      screening({ inst: 'hanyinTownship', person: 'w1', programme: 'cervical', birthDate: '1980-06-01', at: '2024-01-10T09:00:00+08:00' }),
      screening({ inst: 'hanyinTownship', person: 'w1', programme: 'cervical', birthDate: '1980-06-01', at: '2024-03-10T09:00:00+08:00' }), // again: once a year
      screening({ inst: 'hanyinTownship', person: 'w2', programme: 'cervical', birthDate: '1989-03-11', at: '2024-03-10T09:00:00+08:00' }), // 34 on that day
      screening({ inst: 'hanyinTownship', person: 'w2', programme: 'cervical', birthDate: '1989-03-11', at: '2024-03-11T09:00:00+08:00' }), // 35 today
      screening({ inst: 'hanyinTownship', person: 'w3', programme: 'cervical', birthDate: '1959-03-11', at: '2024-03-11T09:00:00+08:00' }), // 65: too old
      screening({ inst: 'hanyinTownship', person: 'm1', programme: 'cervical', sex: 'M', birthDate: '1980-01-01', at: '2024-03-11T09:00:00+08:00' }),
      screening({ inst: 'hanyinTownship', person: 'w1', programme: 'breast', birthDate: '1980-06-01', at: '2024-03-10T09:00:00+08:00' }),
    );
    const read = (code: string, period: string) => h.read(code, period, 'county', '610921', { population });
    expect(read('cervical_screening_coverage', '2024')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(read('cervical_screening_coverage', '2024Q1').numerator).toBe(2);
    expect(read('cervical_screening_coverage', '202401').numerator).toBe(1);
    expect(read('cervical_screening_coverage', '202403').numerator).toBe(2); // w1 again in March and w2
    expect(read('cervical_screening_coverage', '20240310').numerator).toBe(1); // w2 was still 34
    expect(read('breast_screening_coverage', '2024')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });

  it('counts distinct newborns over live births', () => {
    const h = new Harness().send(
      screening({ inst: 'hanyinCounty', person: 'n1', programme: 'newborn', sex: 'M', birthDate: '2024-02-01', at: '2024-02-04T09:00:00+08:00' }),
      screening({ inst: 'hanyinCounty', person: 'n1', programme: 'newborn', sex: 'M', birthDate: '2024-02-01', at: '2024-02-05T09:00:00+08:00' }),
    );
    expect(h.read('newborn_screening_rate', '2024', 'county', '610921', { population })).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(h.read('newborn_screening_rate', '2024', 'county', '610921')).toEqual({ numerator: 1, denominator: null, value: null });
  });
});
