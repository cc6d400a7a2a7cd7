import { amend, diseaseReport, Harness, syndromicCount } from '../testing/event-builders';

describe('surveillance indicators', () => {
  const residents = (group: string, year: number) => (group === 'residents' && year === 2024 ? 250_000 : undefined);

  function cases() {
    const revisedCard = diseaseReport({ at: '2024-03-12T10:00:00+08:00', disease: 'measles', classification: 'suspected' });
    const deletedCard = diseaseReport({ at: '2024-03-13T10:00:00+08:00', disease: 'measles' });
    return new Harness().send(
      revisedCard,
      amend(revisedCard, { action: 'revised', disease: 'rubella', classification: 'confirmed' }), // 订正 to another disease
      deletedCard,
      amend(deletedCard, { action: 'deleted' }), // 查重
      diseaseReport({ at: '2024-03-14T10:00:00+08:00', disease: 'measles' }),
      diseaseReport({ at: '2024-03-17T23:30:00+08:00', disease: 'measles', classification: 'clinical' }), // Sunday: still W11
      diseaseReport({ at: '2024-03-18T08:00:00+08:00', disease: 'measles' }), // Monday: W12
      diseaseReport({ at: '2024-03-15T08:00:00+08:00', disease: 'measles', classification: 'carrier' }), // not a case
      diseaseReport({ at: '2024-03-15T09:00:00+08:00', disease: 'measles', residence: '610902', inst: 'hanyinCounty' }),
      diseaseReport({ at: '2024-03-15T09:00:00+08:00', disease: 'cholera', inst: 'hanyinTownship' }),
    );
  }

  it('counts the latest version of each card by residence, disease and ISO week', () => {
    const h = cases();
    const read = (disease: string, period: string, region = '610921', level: 'county' | 'city' = 'county') =>
      h.read('disease_cases', period, level, region, { dims: `disease=${disease}` }).value;
    expect(read('measles', '2024W11')).toBe(2);
    expect(read('measles', '2024W12')).toBe(1);
    expect(read('measles', '202403')).toBe(3);
    expect(read('rubella', '2024W11')).toBe(1);
    expect(read('measles', '2024W11', '610902')).toBe(1);
    expect(read('measles', '2024W11', '610900', 'city')).toBe(3);
    expect(read('cholera', '20240315')).toBe(1);
  });

  it('reads incidence per 100,000 residents of the period’s year: 3 / 250,000 × 100,000 = 1.2', () => {
    const reading = cases().read('disease_incidence', '202403', 'county', '610921', { dims: 'disease=measles', population: residents });
    expect(reading.numerator).toBe(3);
    expect(reading.denominator).toBe(250_000);
    expect(reading.value).toBeCloseTo(1.2, 12);
  });

  it('sums ILI cases over outpatient visits of the daily counts (a correction replaces its day)', () => {
    const monday = syndromicCount({ inst: 'hanyinCounty', at: '2024-03-11T23:00:00+08:00', ili: 30, outpatients: 1000, fever: 12 });
    const h = new Harness().send(
      monday,
      amend(monday, { iliCases: 40, feverClinicVisits: 15 }),
      syndromicCount({ inst: 'hanyinCounty', at: '2024-03-12T23:00:00+08:00', ili: 20, outpatients: 1000, fever: 8 }),
      syndromicCount({ inst: 'hanyinTownship', at: '2024-03-12T23:00:00+08:00', ili: 5, outpatients: 200 }),
    );
    // (40 + 20 + 5) / (1000 + 1000 + 200) = 65 / 2200.
    expect(h.read('ili_percentage', '2024W11', 'county', '610921').value).toBeCloseTo(65 / 2200, 12);
    expect(h.read('ili_percentage', '2024W11', 'institution', '610921-CH-001').value).toBeCloseTo(0.03, 12);
    expect(h.read('fever_clinic_visits', '2024W11', 'county', '610921').value).toBe(23);
  });

  describe('fever_clinic_visits_growth: a week against last year’s same ISO week', () => {
    const day = (date: string, fever: number) => syndromicCount({ inst: 'hanyinCounty', at: `${date}T20:00:00+08:00`, ili: 0, outpatients: 1000, fever });
    // 2025W52 (22–28 Dec 2025): 10, 11, … 16 = 91. 2026W01 (29 Dec 2025 – 4 Jan 2026): 40 on Monday, 10 on Tuesday.
    // 2026W53 (28 Dec 2026 – 3 Jan 2027): 20, 22, 24, 26 by Thursday = 92. 2027W01: 30 on Monday 4 January.
    const lastYear = ['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28'].map((d, i) => day(d, 10 + i));
    const h = new Harness().send(
      ...lastYear,
      day('2025-12-29', 40),
      day('2025-12-30', 10),
      day('2026-12-28', 20),
      day('2026-12-29', 22),
      day('2026-12-30', 24),
      day('2026-12-31', 26),
      day('2027-01-04', 30),
    );

    it('compares week 53 with week 52 of a 52-week year: whole weeks, and Monday–Thursday while it is Thursday', () => {
      const whole = h.read('fever_clinic_visits_growth', '2026W53', 'county', '610921');
      expect([whole.numerator, whole.denominator]).toEqual([92, 91]);
      expect(whole.value).toBeCloseTo(92 / 91 - 1, 12);
      const thursday = h.read('fever_clinic_visits_growth', '2026W53', 'county', '610921', { asOf: '2026-12-31T21:00:00+08:00' });
      expect([thursday.numerator, thursday.denominator]).toEqual([92, 46]); // 10 + 11 + 12 + 13
      expect(thursday.value).toBeCloseTo(1, 12);
    });

    it('crosses the calendar year: 2027W01 against 2026W01, which began on 29 December 2025', () => {
      expect(h.read('fever_clinic_visits_growth', '2027W01', 'county', '610921')).toMatchObject({
        numerator: 30,
        denominator: 50,
        cases: { current: 30, baseline: 50 },
      });
      expect(h.read('fever_clinic_visits_growth', '2027W01', 'county', '610921').value).toBeCloseTo(-0.4, 12);
      const monday = h.read('fever_clinic_visits_growth', '2027W01', 'institution', '610921-CH-001', { asOf: '2027-01-04T12:00:00+08:00' });
      expect([monday.numerator, monday.denominator, monday.value]).toEqual([30, 40, -0.25]);
    });

    it('has no value without last year’s visits', () => {
      expect(h.read('fever_clinic_visits_growth', '2025W52', 'county', '610921')).toMatchObject({ numerator: 91, denominator: 0, value: null });
    });
  });

  describe('report_timeliness_rate: diagnosis to the first receipt of the card, within 2 h (甲类) or 24 h', () => {
    const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
    /** Each card: its disease's limit (from the law, not the table under test), diagnosis, first receipt. */
    const cards = [
      { disease: 'measles', limit: 24, diagnosedAt: '2024-03-12T08:00:00+08:00', after: 12 },
      { disease: 'measles', limit: 24, diagnosedAt: '2024-03-11T08:00:00+08:00', after: 25 },
      { disease: 'measles', limit: 24, diagnosedAt: '2024-03-12T09:00:00+08:00', after: 24, classification: 'carrier' },
      { disease: 'cholera', limit: 2, diagnosedAt: '2024-03-13T10:00:00+08:00', after: 1.99 },
      { disease: 'cholera', limit: 2, diagnosedAt: '2024-03-13T10:00:00+08:00', after: 2.01 },
      { disease: 'pulmonary_anthrax', limit: 2, diagnosedAt: '2024-03-13T10:00:00+08:00', after: 3 }, // 乙类甲管
    ];

    function timeliness() {
      const h = new Harness();
      for (const c of cards) {
        const receivedAt = hours(c.diagnosedAt, c.after);
        h.send({ ...diseaseReport({ at: receivedAt, disease: c.disease, classification: c.classification, diagnosedAt: c.diagnosedAt }), receivedAt });
      }
      // Received 1 h after diagnosis, revised a week later: the revision carries the first receipt and stays timely.
      const first = {
        ...diseaseReport({ at: '2024-03-13T09:00:00+08:00', classification: 'suspected', diagnosedAt: '2024-03-13T08:00:00+08:00' }),
        receivedAt: '2024-03-13T01:00:00.000Z',
      };
      const revision = {
        ...amend(first, { action: 'revised', classification: 'confirmed' }),
        receivedAt: '2024-03-20T01:00:00.000Z',
        firstReceivedAt: first.receivedAt,
      };
      // A deleted card is not judged, however late.
      const deleted = { ...diseaseReport({ at: '2024-03-14T09:00:00+08:00', diagnosedAt: '2024-03-10T08:00:00+08:00' }) };
      return h.send(first, revision, deleted, amend(deleted, { action: 'deleted' }));
    }

    it('matches a reference computed from the limits', () => {
      const judged = [...cards.map((c) => ({ disease: c.disease, timely: c.after <= c.limit })), { disease: 'measles', timely: true }];
      const h = timeliness();
      for (const disease of ['measles', 'cholera', 'pulmonary_anthrax']) {
        const mine = judged.filter((c) => c.disease === disease);
        const reading = h.read('report_timeliness_rate', '2024W11', 'institution', '610921-CH-001', { dims: `disease=${disease}` });
        expect([reading.numerator, reading.denominator]).toEqual([mine.filter((c) => c.timely).length, mine.length]);
      }
      expect(h.read('report_timeliness_rate', '202403', 'county', '610921', { dims: 'disease=measles' }).value).toBeCloseTo(3 / 4, 12);
    });

    it('judges a revision without the first receipt on its own receipt (late)', () => {
      const first = { ...diseaseReport({ at: '2024-03-13T09:00:00+08:00', diagnosedAt: '2024-03-13T08:00:00+08:00' }), receivedAt: '2024-03-13T01:00:00.000Z' };
      const h = new Harness().send(first);
      const dims = { dims: 'disease=measles' };
      expect(h.read('report_timeliness_rate', '2024W11', 'institution', '610921-CH-001', dims).numerator).toBe(1);
      h.send({ ...amend(first, { action: 'revised' }), receivedAt: '2024-03-20T01:00:00.000Z' });
      expect(h.read('report_timeliness_rate', '2024W11', 'institution', '610921-CH-001', dims).numerator).toBe(0);
    });

    it('does not judge cards a bulk import brought (history loaded years later), but counts them as cases', () => {
      const live = { ...diseaseReport({ at: '2024-03-13T09:00:00+08:00', diagnosedAt: '2024-03-13T08:00:00+08:00' }), receivedAt: '2024-03-13T01:00:00.000Z' };
      const imported = {
        ...diseaseReport({ at: '2024-03-14T09:00:00+08:00', diagnosedAt: '2024-03-14T08:00:00+08:00' }),
        receivedAt: '2026-11-30T01:00:00.000Z',
        importId: '00000000-0000-4000-8000-000000000001',
      };
      const h = new Harness().send(live, imported);
      const dims = { dims: 'disease=measles' };
      const reading = h.read('report_timeliness_rate', '2024W11', 'institution', '610921-CH-001', dims);
      expect([reading.numerator, reading.denominator]).toEqual([1, 1]);
      expect(h.read('disease_cases', '2024W11', 'county', '610921', dims).value).toBe(2);
    });
  });
});
