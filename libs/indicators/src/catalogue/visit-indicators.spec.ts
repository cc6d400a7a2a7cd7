import { amend, Harness, visit, voidOf } from '../testing/event-builders';

/**
 * Worked example, March 2024. Residents of 汉阴县 (610921) and 汉滨区 (610902); the city hospital
 * 安康市医院 is located in 汉滨区, so for a 汉阴 resident it is outside the county.
 */
function march() {
  return [
    visit({ inst: 'hanyinTownship', person: 'p1', residence: '610921', at: '2024-03-05T09:00:00+08:00' }), // in county
    visit({ inst: 'hanbinCounty', person: 'p1', residence: '610921', at: '2024-03-06T09:00:00+08:00' }), // another county
    visit({ inst: 'ankangCity', action: 'admission', person: 'p2', residence: '610921', at: '2024-03-10T09:00:00+08:00' }), // city hospital
    visit({ inst: 'ankangCity', action: 'discharge', person: 'p2', residence: '610921', at: '2024-03-15T09:00:00+08:00' }), // not a visit
    visit({ inst: 'hanyinCounty', action: 'emergency', person: 'p3', residence: '610921', at: '2024-03-20T01:00:00+08:00' }),
    visit({ inst: 'hanyinCounty', action: 'admission', person: 'p3', residence: '610921', at: '2024-03-20T03:00:00+08:00' }),
    visit({ inst: 'hanyinTownship', action: 'admission', person: 'p5', residence: '610921', at: '2024-03-25T10:00:00+08:00' }),
    visit({ inst: 'hanbinCommunity', person: 'p4', residence: '610902', at: '2024-03-08T09:00:00+08:00' }),
    visit({ inst: 'hanyinVillage', person: 'p4', residence: '610902', at: '2024-03-09T09:00:00+08:00' }),
  ];
}

describe('县域就诊率 county_visit_rate', () => {
  it('counts visits of C residents at institutions in C over all their visits', () => {
    const h = new Harness().send(...march());
    // 汉阴 residents: 6 visits (discharge excluded), 4 in 汉阴 (township, emergency, two admissions).
    expect(h.read('county_visit_rate', '202403', 'county', '610921')).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
    // 汉滨 resident: community centre in 汉滨 (in), village clinic in 汉阴 (out).
    expect(h.read('county_visit_rate', '202403', 'county', '610902')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // City and province: sums of numerators over sums of denominators, not the mean of 0.667 and 0.5.
    expect(h.read('county_visit_rate', '202403', 'city', '610900')).toEqual({ numerator: 5, denominator: 8, value: 5 / 8 });
    expect(h.read('county_visit_rate', '2024', 'province', '610000').value).toBe(5 / 8);
    expect(h.read('county_visit_rate', '2024Q1', 'county', '610921').numerator).toBe(4);
    expect(h.read('county_visit_rate', '20240320', 'county', '610921')).toEqual({ numerator: 2, denominator: 2, value: 1 });
  });

  it('has no value (null, not zero) for a county without visits', () => {
    const h = new Harness().send(...march());
    expect(h.read('county_visit_rate', '202403', 'county', '610923')).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('counts a visit in the CST period whatever offset the sender used', () => {
    const late = visit({ inst: 'hanyinTownship', person: 'p9', at: '2024-03-31T16:30:00Z' }); // 00:30 on 1 April in CST
    const h = new Harness().send(late);
    expect(h.read('county_visit_rate', '202403', 'county', '610921').denominator).toBe(0);
    expect(h.read('county_visit_rate', '202404', 'county', '610921').denominator).toBe(1);
    expect(h.read('county_visit_rate', '2024Q2', 'county', '610921').denominator).toBe(1);
  });

  it('moves a visit to another month when it is amended, and removes it when voided', () => {
    const original = visit({ inst: 'hanbinCounty', person: 'p1', residence: '610921', at: '2024-03-06T09:00:00+08:00' });
    const h = new Harness().send(original);
    expect(h.read('county_visit_rate', '202403', 'county', '610921').denominator).toBe(1);

    const moved = amend(original, { occurredAt: '2024-04-02T09:00:00+08:00' });
    h.send(moved);
    expect(h.read('county_visit_rate', '202403', 'county', '610921').denominator).toBe(0);
    expect(h.read('county_visit_rate', '202404', 'county', '610921').denominator).toBe(1);
    expect(h.read('county_visit_rate', '2024Q1', 'county', '610921').denominator).toBe(0);
    expect(h.read('county_visit_rate', '2024', 'county', '610921').denominator).toBe(1); // same year: unchanged

    h.send(voidOf(moved));
    expect(h.rows().filter((r) => r.indicator === 'county_visit_rate')).toEqual([]);
  });

  it('ignores retries and versions older than one already applied', () => {
    const v1 = visit({ inst: 'hanyinTownship', person: 'p1', at: '2024-03-06T09:00:00+08:00' });
    const v2 = amend(v1, { occurredAt: '2024-05-01T09:00:00+08:00' });
    const h = new Harness().send(v2, v1, v1, v2);
    expect(h.read('county_visit_rate', '202403', 'county', '610921').denominator).toBe(0);
    expect(h.read('county_visit_rate', '202405', 'county', '610921').denominator).toBe(1);
  });

  it('skips visits whose residence is unknown (they cannot be placed in any county)', () => {
    const e = visit({ inst: 'hanyinTownship', at: '2024-03-06T09:00:00+08:00' });
    (e.person as { residenceRegion?: string }).residenceRegion = undefined;
    expect(
      new Harness()
        .send(e)
        .rows()
        .filter((r) => r.indicator === 'county_visit_rate'),
    ).toEqual([]);
  });
});

describe('县域内住院率 county_inpatient_rate and 镇卫生院住院率 township_inpatient_share', () => {
  it('count admissions only', () => {
    const h = new Harness().send(...march());
    // 汉阴 residents' admissions: city hospital (out), county hospital (in), township centre (in).
    expect(h.read('county_inpatient_rate', '202403', 'county', '610921')).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(h.read('township_inpatient_share', '202403', 'county', '610921')).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(h.read('county_inpatient_rate', '202403', 'county', '610902').value).toBeNull();
  });

  it('does not count a township centre in another county as 镇卫生院 of C', () => {
    const h = new Harness().send(visit({ inst: 'hanbinTownship', action: 'admission', residence: '610921', at: '2024-03-25T10:00:00+08:00' }));
    expect(h.read('township_inpatient_share', '202403', 'county', '610921')).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('基层就诊率 primary_care_visit_share', () => {
  it('counts outpatient and emergency visits by where the institution is', () => {
    const h = new Harness().send(...march());
    // In 汉阴: township outpatient (L2), county-hospital emergency (L3), village outpatient (L1); admissions excluded.
    expect(h.read('primary_care_visit_share', '202403', 'county', '610921')).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    // In 汉滨: county hospital outpatient (L3), community centre outpatient (L2); city hospital only had an admission.
    expect(h.read('primary_care_visit_share', '202403', 'county', '610902')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(h.read('primary_care_visit_share', '202403', 'city', '610900')).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
  });
});
