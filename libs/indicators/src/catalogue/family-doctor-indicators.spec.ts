import { familyDoctor, Harness, voidOf } from '../testing/event-builders';

const population = (group: string) => ({ residents: 100, priority_residents: 10 })[group];
const at = (date: string) => `${date}T10:00:00+08:00`;

describe('家庭医生签约服务覆盖率 family_doctor_coverage', () => {
  it('counts residents whose latest contract event at the end of P is a signing within 365 days', () => {
    const h = new Harness().send(
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_signed', person: 'r1', at: at('2023-03-15') }),
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_signed', person: 'r2', at: at('2024-02-10'), priority: ['elderly_65'] }),
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_cancelled', person: 'r2', at: at('2024-05-20') }),
    );
    const read = (period: string) => h.read('family_doctor_coverage', period, 'county', '610921', { population }).numerator;
    expect(read('202302')).toBe(0);
    expect(read('202303')).toBe(1);
    expect(read('2023')).toBe(1);
    expect(read('202401')).toBe(1);
    expect(read('202402')).toBe(2);
    // r1 signed on 2023-03-15: covered through 2024-03-13 (365 days), not on 2024-03-14 (366 days on 2024 is a leap year).
    expect(read('20240313')).toBe(2);
    expect(read('20240314')).toBe(1);
    expect(read('202403')).toBe(1);
    expect(read('2024Q1')).toBe(1);
    expect(read('202405')).toBe(0); // r2 cancelled
    expect(read('20240519')).toBe(1);
    expect(read('20240520')).toBe(0);
    expect(h.read('family_doctor_coverage', '202402', 'county', '610921', { population }).value).toBe(0.02);
    expect(h.read('family_doctor_priority_coverage', '202402', 'county', '610921', { population })).toEqual({ numerator: 1, denominator: 10, value: 0.1 });
    expect(h.read('family_doctor_coverage', '202402', 'city', '610900').numerator).toBe(2);
  });

  it('keeps a renewed contract continuous and re-covers a resident who signs again after cancelling', () => {
    const h = new Harness().send(
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_signed', person: 'r1', at: at('2023-01-10') }),
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_renewed', person: 'r1', at: at('2024-01-05') }),
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_cancelled', person: 'r1', at: at('2024-06-01') }),
      familyDoctor({ inst: 'hanyinTownship', action: 'contract_signed', person: 'r1', at: at('2024-09-01') }),
    );
    const read = (period: string) => h.read('family_doctor_coverage', period, 'county', '610921').numerator;
    expect(['2023', '202401', '202405', '202406', '202408', '202409', '2024', '2025Q2', '2025Q3'].map(read)).toEqual([1, 1, 1, 0, 0, 1, 1, 1, 0]);
  });

  it('uses the last contract event of a day, and a void restores the earlier state', () => {
    const cancel = familyDoctor({ inst: 'hanyinTownship', action: 'contract_cancelled', person: 'r1', at: '2024-03-01T11:00:00+08:00' });
    const h = new Harness().send(familyDoctor({ inst: 'hanyinTownship', action: 'contract_signed', person: 'r1', at: '2024-03-01T09:00:00+08:00' }), cancel);
    expect(h.read('family_doctor_coverage', '202403', 'county', '610921').numerator).toBe(0);
    h.send(voidOf(cancel));
    expect(h.read('family_doctor_coverage', '202403', 'county', '610921').numerator).toBe(1);
  });
});

describe('上门服务 home_visits', () => {
  it('counts home-visit services by institution and its county', () => {
    const h = new Harness().send(
      familyDoctor({ inst: 'hanyinTownship', action: 'service', serviceKind: 'home_visit', person: 'r1', at: at('2024-03-01') }),
      familyDoctor({ inst: 'hanyinTownship', action: 'service', serviceKind: 'home_visit', person: 'r1', at: at('2024-03-02') }),
      familyDoctor({ inst: 'hanyinVillage', action: 'service', serviceKind: 'home_visit', person: 'r2', residence: '610902', at: at('2024-03-02') }),
      familyDoctor({ inst: 'hanyinVillage', action: 'service', serviceKind: 'health_check', person: 'r2', at: at('2024-03-02') }),
    );
    expect(h.read('home_visits', '202403', 'institution', '610921-THC-001').value).toBe(2);
    expect(h.read('home_visits', '202403', 'county', '610921').value).toBe(3); // by institution county, not residence
    expect(h.read('home_visits', '20240302', 'province', '610000').value).toBe(2);
  });
});
