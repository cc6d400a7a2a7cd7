import { amend, chronic, Harness, voidOf } from '../testing/event-builders';

const at = (date: string) => `${date}T10:00:00+08:00`;

describe('规范管理率 hypertension/diabetes/smd_standard_management_rate', () => {
  const followup = (person: string, date: string, condition: 'hypertension' | 'diabetes' | 'smd' = 'hypertension') =>
    chronic({ inst: 'hanyinTownship', action: 'followup', person, condition, controlled: true, at: at(date) });

  it('adds one to the numerator exactly once, on the 4th follow-up of the year', () => {
    const h = new Harness().send(
      chronic({ inst: 'hanyinTownship', action: 'registration', person: 'h1', at: at('2023-11-01') }),
      followup('h1', '2024-01-10'),
      followup('h1', '2024-03-10'),
      followup('h1', '2024-05-10'),
    );
    const read = (period: string) => h.read('hypertension_standard_management_rate', period, 'county', '610921');
    expect(read('2024')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    h.send(followup('h1', '2024-07-10'));
    expect(read('2024')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    const numeratorRows = () =>
      h.rows().filter((r) => r.indicator === 'hypertension_standard_management_rate' && r.measure === 'numerator' && r.level === 'county');
    expect(
      numeratorRows()
        .map((r) => [r.period, r.value])
        .sort(),
    ).toEqual([
      ['202407', 1],
      ['20240710', 1],
    ]);
    h.send(followup('h1', '2024-09-10'), followup('h1', '2024-11-10')); // 5th and 6th change nothing
    expect(
      numeratorRows()
        .map((r) => [r.period, r.value])
        .sort(),
    ).toEqual([
      ['202407', 1],
      ['20240710', 1],
    ]); // quarters and years are read as sums of months
    // Year-to-date within 2024; registered patients are cumulative over all time.
    expect(read('2024Q2')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(read('2024Q3')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(read('202412').numerator).toBe(1);
    expect(read('20240709').numerator).toBe(0);
    expect(read('20240710').numerator).toBe(1);
    // A new year starts from zero follow-ups.
    expect(read('2025')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(read('2023')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(read('202310').denominator).toBe(0);
  });

  it('moves the moment of standard management when a follow-up is voided or amended out of the year', () => {
    const fourth = followup('h1', '2024-07-10');
    const h = new Harness().send(
      chronic({ inst: 'hanyinTownship', action: 'registration', person: 'h1', at: at('2024-01-02') }),
      followup('h1', '2024-01-10'),
      followup('h1', '2024-03-10'),
      followup('h1', '2024-05-10'),
      fourth,
      followup('h1', '2024-09-10'),
    );
    const read = (period: string) => h.read('hypertension_standard_management_rate', period, 'county', '610921').numerator;
    expect([read('2024Q3'), read('202407')]).toEqual([1, 1]);
    h.send(voidOf(fourth)); // the September follow-up becomes the 4th
    expect([read('2024Q3'), read('202407'), read('202409')]).toEqual([1, 0, 1]);
    h.send(amend(followup('h1', '2024-01-10'), {})); // retry-like amendment: no change
    expect(read('2024')).toBe(1);
  });

  it('counts a patient registered after the 4th follow-up from the registration day, within the year only', () => {
    const h = new Harness().send(
      followup('h2', '2024-01-10'),
      followup('h2', '2024-02-10'),
      followup('h2', '2024-03-10'),
      followup('h2', '2024-04-10'),
      chronic({ inst: 'hanyinTownship', action: 'registration', person: 'h2', at: at('2024-06-01') }),
    );
    const read = (period: string) => h.read('hypertension_standard_management_rate', period, 'county', '610921');
    expect(read('2024Q1')).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(read('202404')).toEqual({ numerator: 0, denominator: 0, value: null }); // 4 follow-ups but not yet registered
    expect(read('202406')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(read('2024Q2')).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it('keeps conditions apart', () => {
    const h = new Harness().send(
      chronic({ inst: 'hanyinTownship', action: 'registration', person: 'd1', condition: 'diabetes', at: at('2024-01-02') }),
      ...['2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'].map((d) => followup('d1', d, 'diabetes')),
      followup('d1', '2024-06-01', 'hypertension'),
    );
    expect(h.read('diabetes_standard_management_rate', '2024', 'county', '610921').value).toBe(1);
    expect(h.read('hypertension_standard_management_rate', '2024', 'county', '610921').denominator).toBe(0);
    expect(h.read('smd_standard_management_rate', '2024', 'county', '610921').value).toBeNull();
  });
});

describe('血压/血糖控制率 hypertension/diabetes_control_rate', () => {
  it('judges each patient by their last follow-up in P', () => {
    const h = new Harness().send(
      chronic({ inst: 'hanyinTownship', action: 'followup', person: 'a', controlled: false, at: at('2024-01-10') }),
      chronic({ inst: 'hanyinTownship', action: 'followup', person: 'a', controlled: true, at: at('2024-02-10') }),
      chronic({ inst: 'hanyinTownship', action: 'followup', person: 'b', controlled: true, at: at('2024-01-12') }),
      chronic({ inst: 'hanyinTownship', action: 'followup', person: 'b', controlled: false, at: at('2024-03-12') }),
      chronic({ inst: 'hanyinTownship', action: 'followup', person: 'c', at: at('2024-03-12') }), // controlled unknown: not controlled
    );
    const read = (period: string) => h.read('hypertension_control_rate', period, 'county', '610921');
    expect(read('202401')).toEqual({ numerator: 1, denominator: 2, value: 0.5 }); // a not, b yes
    expect(read('202402')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(read('202403')).toEqual({ numerator: 0, denominator: 2, value: 0 });
    expect(read('2024Q1')).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 }); // a's last (Feb) controlled; b's last (Mar) not
    expect(h.read('diabetes_control_rate', '2024Q1', 'county', '610921').value).toBeNull();
  });
});
