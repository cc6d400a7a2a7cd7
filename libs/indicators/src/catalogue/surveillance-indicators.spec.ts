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
});
