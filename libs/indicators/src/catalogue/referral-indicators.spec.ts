import { amend, Harness, referral, voidOf } from '../testing/event-builders';

const at = (day: string) => `2024-${day}T10:00:00+08:00`;

describe('referrals 上转/下转, 下转上转比, 转诊完成率', () => {
  function scenario() {
    return [
      // R1: 汉阴 township centre → 汉阴 county hospital: up; completed in April.
      referral({ inst: 'hanyinTownship', action: 'initiated', referralId: 'R1', from: 'hanyinTownship', to: 'hanyinCounty', at: at('03-02') }),
      referral({ inst: 'hanyinCounty', action: 'accepted', referralId: 'R1', from: 'hanyinTownship', to: 'hanyinCounty', at: at('03-03') }),
      referral({ inst: 'hanyinCounty', action: 'completed', referralId: 'R1', from: 'hanyinTownship', to: 'hanyinCounty', at: at('04-10') }),
      // R2: 汉阴 county hospital → village clinic: down.
      referral({ inst: 'hanyinCounty', action: 'initiated', referralId: 'R2', from: 'hanyinCounty', to: 'hanyinVillage', at: at('03-05') }),
      // R3: 汉阴 county hospital → 安康 city hospital (located in 汉滨): up, attributed to 汉阴 (from-institution county).
      referral({ inst: 'hanyinCounty', action: 'initiated', referralId: 'R3', from: 'hanyinCounty', to: 'ankangCity', at: at('03-06') }),
      referral({ inst: 'ankangCity', action: 'rejected', referralId: 'R3', from: 'hanyinCounty', to: 'ankangCity', at: at('03-07') }),
      // R4: city hospital → 汉滨 community centre: down, attributed to 汉滨 (where the city hospital is).
      referral({ inst: 'ankangCity', action: 'initiated', referralId: 'R4', from: 'ankangCity', to: 'hanbinCommunity', at: at('03-08') }),
      referral({ inst: 'hanbinCommunity', action: 'completed', referralId: 'R4', from: 'ankangCity', to: 'hanbinCommunity', at: at('03-12') }),
      // R5: township → township in another county: lateral.
      referral({ inst: 'hanyinTownship', action: 'initiated', referralId: 'R5', from: 'hanyinTownship', to: 'hanbinTownship', at: at('03-09') }),
    ];
  }

  it('counts initiated referrals by the direction the two levels give, at the from-institution county', () => {
    const h = new Harness().send(...scenario());
    expect(h.read('referrals_up', '202403', 'county', '610921').value).toBe(2); // R1, R3
    expect(h.read('referrals_down', '202403', 'county', '610921').value).toBe(1); // R2
    expect(h.read('referrals_down', '202403', 'county', '610902').value).toBe(1); // R4
    expect(h.read('referrals_up', '202403', 'county', '610902').value).toBe(0);
    expect(h.read('referrals_up', '202403', 'city', '610900').value).toBe(2);
    expect(h.read('referrals_down', '2024', 'province', '610000').value).toBe(2);
    // Per institution (drill-down): the from-institution.
    expect(h.read('referrals_up', '202403', 'institution', '610921-CH-001').value).toBe(1);
    expect(h.read('referrals_down', '202403', 'institution', '610900-CITY-001').value).toBe(1);
  });

  it('gives down/up as a ratio, null when there were no upward referrals', () => {
    const h = new Harness().send(...scenario());
    expect(h.read('referral_down_up_ratio', '202403', 'county', '610921')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(h.read('referral_down_up_ratio', '202403', 'county', '610902')).toEqual({ numerator: 1, denominator: 0, value: null });
    expect(h.read('referral_down_up_ratio', '202403', 'city', '610900')).toEqual({ numerator: 2, denominator: 2, value: 1 });
  });

  it('credits a completion to the period the referral was initiated in, whenever it arrives', () => {
    const steps = scenario();
    const completionOfR1 = steps[2];
    const h = new Harness().send(...steps.filter((e) => e !== completionOfR1));
    // 汉阴 initiated R1, R2, R3, R5 in March; none completed yet.
    expect(h.read('referral_completion_rate', '202403', 'county', '610921')).toEqual({ numerator: 0, denominator: 4, value: 0 });
    h.send(completionOfR1); // dated April, but R1 was initiated in March
    expect(h.read('referral_completion_rate', '202403', 'county', '610921')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(h.read('referral_completion_rate', '202404', 'county', '610921').denominator).toBe(0);
    expect(h.read('referral_completion_rate', '202403', 'county', '610902').value).toBe(1);
    h.send(voidOf(completionOfR1));
    expect(h.read('referral_completion_rate', '202403', 'county', '610921').numerator).toBe(0);
  });

  it('counts a referral once even if its initiation is reported twice, and follows an amended destination', () => {
    const first = referral({ inst: 'hanyinTownship', action: 'initiated', referralId: 'R9', from: 'hanyinTownship', to: 'hanyinCounty', at: at('03-02') });
    const again = referral({ inst: 'hanyinTownship', action: 'initiated', referralId: 'R9', from: 'hanyinTownship', to: 'hanyinCounty', at: at('03-04') });
    const h = new Harness().send(first, again);
    expect(h.read('referrals_up', '202403', 'county', '610921').value).toBe(1);
    // The first record is corrected: it was actually to a village clinic (down).
    h.send(
      amend(first, {
        toInstitutionId: '610921-VC-001',
        referralParties: { from: { ...first.referralParties!.from }, to: { id: '610921-VC-001', county: '610921', type: 'village_clinic', level: 1 } },
      }),
    );
    expect(h.read('referrals_up', '202403', 'county', '610921').value).toBe(0);
    expect(h.read('referrals_down', '202403', 'county', '610921').value).toBe(1);
  });

  it('still counts completion but no direction when the registry facts of the parties are missing', () => {
    const h = new Harness().send(
      referral({
        inst: 'hanyinTownship',
        action: 'initiated',
        referralId: 'R7',
        from: 'hanyinTownship',
        to: 'hanyinCounty',
        at: at('03-02'),
        withParties: false,
      }),
    );
    expect(h.read('referrals_up', '202403', 'county', '610921').value).toBe(0);
    expect(h.read('referral_completion_rate', '202403', 'county', '610921').denominator).toBe(1);
  });
});
