import { Harness, visit } from '../testing/event-builders';

describe('次均费用增幅 outpatient_cost_growth / inpatient_cost_growth', () => {
  function scenario() {
    return new Harness().send(
      visit({ inst: 'hanyinCounty', cost: 100, at: '2023-03-05T10:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', cost: 200, at: '2023-03-06T10:00:00+08:00' }), // 2023-03 mean 150
      visit({ inst: 'hanyinCounty', cost: 300, at: '2023-09-06T10:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', cost: 157.5, at: '2024-03-05T10:00:00+08:00' }), // 2024-03 mean 157.5: +5%
      visit({ inst: 'hanyinCounty', at: '2024-03-06T10:00:00+08:00' }), // no cost: left out of the mean
      visit({ inst: 'hanyinTownship', cost: 50, at: '2024-03-07T10:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', action: 'admission', cost: 5000, at: '2023-03-07T10:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', action: 'admission', cost: 4500, at: '2024-03-07T10:00:00+08:00' }),
    );
  }

  it('compares the mean cost per visit with the same period a year earlier', () => {
    const h = scenario();
    const inst = h.read('outpatient_cost_growth', '202403', 'institution', '610921-CH-001');
    expect(inst.numerator).toBe(157.5);
    expect(inst.denominator).toBe(150);
    expect(inst.value).toBeCloseTo(0.05, 12);
    // County: (157.5 + 50) / 2 = 103.75 against 150.
    expect(h.read('outpatient_cost_growth', '202403', 'county', '610921').value).toBeCloseTo(103.75 / 150 - 1, 12);
    expect(h.read('inpatient_cost_growth', '2024Q1', 'county', '610921').value).toBeCloseTo(-0.1, 12);
    expect(h.read('outpatient_cost_growth', '202409', 'county', '610921')).toEqual({
      numerator: null,
      denominator: 300,
      value: null,
      cases: { current: 0, baseline: 1 },
    });
    // The cases behind each mean: 2 visits with a cost in 2024-03 at the county (one had none), 2 a year earlier.
    expect(h.read('outpatient_cost_growth', '202403', 'county', '610921').cases).toEqual({ current: 2, baseline: 2 });
    expect(h.read('inpatient_cost_growth', '2024Q1', 'county', '610921').cases).toEqual({ current: 1, baseline: 1 });
    expect(h.counter('outpatient_cost_growth', 'sum', 'county', '610921', '202403')).toBe(20750); // fen
  });

  it('compares a year in progress with the same elapsed days of the previous year', () => {
    const h = scenario();
    // Full 2023 mean is 200; up to 31 March 2023 it is 150.
    const asOf = '2024-03-31T12:00:00+08:00';
    expect(h.read('outpatient_cost_growth', '2024', 'institution', '610921-CH-001').denominator).toBe(200);
    expect(h.read('outpatient_cost_growth', '2024', 'institution', '610921-CH-001', { asOf }).denominator).toBe(150);
    expect(h.read('outpatient_cost_growth', '2024', 'institution', '610921-CH-001', { asOf }).cases).toEqual({ current: 1, baseline: 2 }); // one 2024 visit had no cost
    expect(h.read('outpatient_cost_growth', '2023', 'institution', '610921-CH-001', { asOf }).denominator).toBeNull();
  });
});

describe('中医药处方占比 tcm_prescription_share / 中医非药物疗法比例 tcm_nondrug_share', () => {
  it('is the share of outpatient visits, per institution and county', () => {
    const h = new Harness().send(
      visit({ inst: 'hanyinTownship', tcm: true, at: '2024-03-05T10:00:00+08:00' }),
      visit({ inst: 'hanyinTownship', tcm: true, tcmNonDrug: true, at: '2024-03-05T11:00:00+08:00' }),
      visit({ inst: 'hanyinTownship', at: '2024-03-05T12:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', at: '2024-03-05T12:00:00+08:00' }),
      visit({ inst: 'hanyinCounty', action: 'emergency', tcm: true, at: '2024-03-05T12:00:00+08:00' }), // not outpatient
    );
    expect(h.read('tcm_prescription_share', '202403', 'institution', '610921-THC-001')).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(h.read('tcm_prescription_share', '202403', 'county', '610921')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(h.read('tcm_nondrug_share', '202403', 'county', '610921')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(h.read('tcm_nondrug_share', '202403', 'institution', '610921-CH-001')).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});
