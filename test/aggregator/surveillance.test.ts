import type { CanonicalEvent } from '@lib/contracts';
import { CounterRow, findIndicator, readIndicatorFromRows } from '@lib/indicators';
import { amend, diseaseReport, syndromicCount } from '../../libs/indicators/src/testing/event-builders';
import { AppProcess } from '../support/app-process';
import { counterChanges } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';

/**
 * Surveillance indicators through the real pipeline (Kafka → aggregator → PostgreSQL), checked against
 * a reference computed here from the events alone: latest version per card, ISO weeks worked out with
 * plain Date arithmetic (not @lib/periods). Other files may count in these regions, so figures are
 * read as the change this file's events made.
 */
const run = Date.now().toString(36);
const DISEASES = ['measles', 'hfmd', 'influenza', 'scarlet_fever'];
const RESIDENCES = ['610921', '610902'];

let seed = 20240311;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

/** ISO week by the textbook rule: the week of the Thursday of this date's Monday–Sunday week. */
function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}W${String(week).padStart(2, '0')}`;
}

const cards: CanonicalEvent[] = [];
const arrival: CanonicalEvent[] = [];
for (let i = 0; i < 80; i++) {
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const card = diseaseReport({
    eventId: `sv-${run}-${i}`,
    at: `2024-02-${day}T${pick(['08', '13', '23'])}:30:00+08:00`,
    disease: pick(DISEASES),
    residence: pick(RESIDENCES),
    classification: pick(['suspected', 'clinical', 'confirmed']),
    inst: pick(['hanyinCounty', 'hanbinCounty'] as const),
  });
  arrival.push(card);
  const r = random();
  if (r < 0.2) arrival.push(amend(card, { action: 'revised', disease: pick(DISEASES), classification: 'confirmed' }));
  else if (r < 0.3) arrival.push(amend(card, { action: 'deleted' }));
  else if (r < 0.35) arrival.push(amend(card, { action: 'revised', classification: 'carrier' }));
}
for (const inst of ['hanyinCounty', 'hanyinTownship'] as const) {
  for (let d = 1; d <= 20; d++) {
    const outpatients = 100 + Math.floor(random() * 900);
    const count = syndromicCount({
      eventId: `sy-${run}-${inst}-${d}`,
      inst,
      at: `2024-02-${String(d).padStart(2, '0')}T22:00:00+08:00`,
      ili: Math.floor(random() * 60),
      outpatients,
      fever: Math.floor(random() * 40),
    });
    arrival.push(count);
    if (random() < 0.2) arrival.push(amend(count, { iliCases: Math.floor(random() * 60) }));
  }
}

/** The latest version of each event, as the contract defines what counts. */
function latest(events: CanonicalEvent[]): CanonicalEvent[] {
  const byId = new Map<string, CanonicalEvent>();
  for (const e of events) if ((byId.get(e.eventId)?.version ?? 0) < e.version) byId.set(e.eventId, e);
  return [...byId.values()];
}
cards.push(...latest(arrival).filter((e) => e.type === 'disease_report'));
const counts = latest(arrival).filter((e) => e.type === 'syndromic_count');
// Last year's February at the county hospital: the base of fever_clinic_visits_growth (same ISO week a year earlier).
const lastYearCounts = Array.from(
  { length: 28 },
  (_, i) =>
    syndromicCount({
      eventId: `sy-${run}-lastyear-${i + 1}`,
      inst: 'hanyinCounty',
      at: `2023-02-${String(i + 1).padStart(2, '0')}T22:00:00+08:00`,
      ili: 0,
      outpatients: 500,
      fever: 10 + Math.floor(random() * 30),
    }) as Extract<CanonicalEvent, { type: 'syndromic_count' }>,
);
arrival.push(...lastYearCounts);
const isCase = (e: CanonicalEvent) => e.type === 'disease_report' && e.action !== 'deleted' && e.classification !== 'carrier';
const referenceCases = (residence: string | null, disease: string, week: string) =>
  cards.filter(
    (e) =>
      isCase(e) &&
      (residence === null || e.person?.residenceRegion === residence) &&
      (e as { disease: string }).disease === disease &&
      isoWeek(e.occurredAt.slice(0, 10)) === week,
  ).length;

describe('surveillance indicators through Kafka, the aggregator and PostgreSQL, against an independent reference', () => {
  const bed = new AggregatorTestBed('surveillance');
  const aggregator: AppProcess = bed.aggregator(3987);
  let before: CounterRow[];
  let after: CounterRow[];
  const rows = async (): Promise<CounterRow[]> =>
    (
      await bed.pool.query<CounterRow & { value: string }>(
        `SELECT indicator, measure, level, region, period, dims, value FROM indicator_counter_values WHERE indicator IN ('disease_cases', 'disease_incidence', 'ili_percentage', 'fever_clinic_visits', 'fever_clinic_visits_growth')`,
      )
    ).rows.map((r) => ({ ...r, value: Number(r.value) }));
  const delta = (): CounterRow[] => counterChanges(before, after);

  beforeAll(async () => {
    await bed.setup();
    before = await rows();
    await aggregator.start();
    await bed.produce(arrival);
    await bed.settled();
    after = await rows();
  });
  afterAll(async () => {
    await aggregator.stop();
    await bed.teardown();
  });

  const weeks = ['2024W05', '2024W06', '2024W07', '2024W08', '2024W09'];

  it('counts cases per county, city, disease and ISO week as the reference does', () => {
    const def = findIndicator('disease_cases')!;
    let compared = 0;
    for (const disease of DISEASES) {
      for (const week of weeks) {
        for (const residence of RESIDENCES) {
          const got = readIndicatorFromRows(delta(), def, week, { level: 'county', region: residence, dims: `disease=${disease}` }).value;
          expect({ disease, week, residence, cases: got }).toEqual({ disease, week, residence, cases: referenceCases(residence, disease, week) });
          compared += got ?? 0;
        }
        expect(readIndicatorFromRows(delta(), def, week, { level: 'city', region: '610900', dims: `disease=${disease}` }).value).toBe(
          referenceCases(null, disease, week),
        );
      }
    }
    expect(compared).toBe(cards.filter(isCase).length);
  });

  it('reads incidence per 100,000 residents from the same cases', () => {
    const def = findIndicator('disease_incidence')!;
    const population = (group: string, year: number) => (group === 'residents' && year === 2024 ? 300_000 : undefined);
    const monthCases = cards.filter((e) => isCase(e) && e.person?.residenceRegion === '610921' && (e as { disease: string }).disease === 'measles').length;
    const reading = readIndicatorFromRows(delta(), def, '202402', { level: 'county', region: '610921', dims: 'disease=measles', population });
    expect(reading.numerator).toBe(monthCases);
    expect(reading.value).toBeCloseTo((monthCases / 300_000) * 100_000, 10);
  });

  it('sums the latest daily counts into ILI% and fever-clinic visits', () => {
    const week = '2024W07';
    const inWeek = counts.filter((c) => isoWeek(c.date) === week);
    const ili = inWeek.reduce((s, c) => s + c.iliCases, 0);
    const outpatients = inWeek.reduce((s, c) => s + c.outpatientVisits, 0);
    const reading = readIndicatorFromRows(delta(), findIndicator('ili_percentage')!, week, { level: 'county', region: '610921' });
    expect([reading.numerator, reading.denominator]).toEqual([ili, outpatients]);
    expect(reading.value).toBeCloseTo(ili / outpatients, 12);
    const fever = readIndicatorFromRows(delta(), findIndicator('fever_clinic_visits')!, '202402', { level: 'institution', region: '610921-CH-001' });
    expect(fever.value).toBe(counts.filter((c) => c.institutionId === '610921-CH-001').reduce((s, c) => s + c.feverClinicVisits, 0));
  });

  it('compares fever-clinic visits of an ISO week with the same week a year earlier', () => {
    const visits = (week: string) =>
      [...counts, ...lastYearCounts]
        .filter((c) => c.institution.county === '610921' && isoWeek(c.date) === week)
        .reduce((sum, c) => sum + c.feverClinicVisits, 0);
    // 2024W07 is 12–18 February 2024; 2023W07 is 13–19 February 2023.
    const [now, before] = [visits('2024W07'), visits('2023W07')];
    expect(before).toBeGreaterThan(0);
    const reading = readIndicatorFromRows(delta(), findIndicator('fever_clinic_visits_growth')!, '2024W07', { level: 'county', region: '610921' });
    expect([reading.numerator, reading.denominator]).toEqual([now, before]);
    expect(reading.value).toBeCloseTo(now / before - 1, 12);
  });
});
