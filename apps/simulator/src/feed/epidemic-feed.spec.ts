import { HealthEvent, InstitutionFacts, validateEvent, ValidationContext } from '@lib/contracts';
import { addDays, cstDayOf } from '@lib/periods';
import { ankangDemo } from '@lib/registry';
import { baselineWindowEnds, detectOutbreak, SERIES_DAYS } from '@lib/surveillance';
import { DAY_MS } from './cst-time';
import { CASES_PER_100K_PER_DAY, dayOfYear, sentinelShares } from './epidemic-curves';
import { EpidemicFeed, epidemicDay, epidemicHistory, epidemicOptions } from './epidemic-feed';
import { parseScenario } from './feed-scenario';

const NOW = Date.parse('2026-12-01T12:00:00+08:00');

function demoContext(now: number): ValidationContext {
  const demo = ankangDemo();
  const institutions = new Map<string, InstitutionFacts>(demo.institutions.map((i) => [i.id, { id: i.id, county: i.county, type: i.type, level: i.level }]));
  const regions = new Map<string, string>(demo.regions.map((r) => [r.code, r.code]));
  return {
    now: new Date(now),
    maxClockSkewMs: 5 * 60_000,
    maxAgeMs: 3650 * DAY_MS,
    institution: (id) => {
      const facts = institutions.get(id);
      return facts && { facts, active: true };
    },
    region: (code) => (regions.has(code) ? { current: regions.get(code) as string } : undefined),
  };
}

type Card = Extract<HealthEvent, { type: 'disease_report' }>;
const isCard = (e: HealthEvent): e is Card => e.type === 'disease_report';

/** Cases by county, disease and CST day of report, as disease_cases counts them: each card's latest version, not deleted. */
function dailyCases(events: Iterable<HealthEvent>): Map<string, number> {
  const latest = new Map<string, Card>();
  for (const e of events) if (isCard(e) && (latest.get(e.eventId)?.version ?? 0) < e.version) latest.set(e.eventId, e);
  const cases = new Map<string, number>();
  const first = new Map<string, Card>();
  for (const e of events) if (isCard(e) && e.version === 1) first.set(e.eventId, e);
  for (const [id, card] of latest) {
    if (card.action === 'deleted') continue;
    const reported = first.get(id)!;
    const key = `${reported.person!.residenceRegion}|${card.disease}|${cstDayOf(card.occurredAt)}`;
    cases.set(key, (cases.get(key) ?? 0) + 1);
  }
  return cases;
}

describe('epidemic curves', () => {
  it('peak influenza in mid-January, HFMD in May, and keep measles sporadic', () => {
    const flu = CASES_PER_100K_PER_DAY.influenza;
    expect(flu(dayOfYear('2026-01-15'))).toBeCloseTo(0.0833 * 1.9, 6);
    expect(flu(dayOfYear('2026-07-15'))).toBeLessThan(flu(dayOfYear('2026-01-15')) / 10);
    expect(CASES_PER_100K_PER_DAY.hfmd(dayOfYear('2026-05-15'))).toBeGreaterThan(3 * CASES_PER_100K_PER_DAY.hfmd(dayOfYear('2026-12-15')));
    expect(CASES_PER_100K_PER_DAY.measles(1)).toBe(CASES_PER_100K_PER_DAY.measles(200));
    expect(sentinelShares(dayOfYear('2026-01-15')).ili).toBeCloseTo(0.06, 6);
    expect(dayOfYear('2024-12-31')).toBe(366);
  });
});

describe('epidemic feed (cards and sentinel counts of every county)', () => {
  const options = { seed: 'ankang', streamId: 'T1' };

  it('is the same for the same seed and day, and every event passes the contract validator', () => {
    const days = ['2026-01-20', '2026-05-12', '2026-08-03'];
    const ctx = demoContext(NOW + 5 * DAY_MS);
    for (const day of days) {
      const events = epidemicDay(options, day);
      expect(epidemicDay(options, day)).toEqual(events);
      expect(events.filter((t) => validateEvent(t.event, ctx).ok === false).map((t) => [t.event, validateEvent(t.event, ctx)])).toEqual([]);
      // One sentinel count per county, at 22:00 of the day.
      expect(events.filter((t) => t.event.type === 'syndromic_count').map((t) => t.event.occurredAt)).toEqual(Array(10).fill(`${day}T22:00:00+08:00`));
    }
    const actions = new Set(days.flatMap((day) => epidemicDay(options, day).map((t) => t.event.action)));
    expect([...actions].sort()).toEqual(['daily', 'deleted', 'reported', 'revised']);
  });

  it('follows the seasons: January brings several times July’s influenza, May several times December’s HFMD', () => {
    const count = (from: string, to: string, disease: string) =>
      [...epidemicHistory(options, from, to)].filter((t) => isCard(t.event) && t.event.version === 1 && t.event.disease === disease).length;
    expect(count('2026-01-01', '2026-01-31', 'influenza')).toBeGreaterThan(4 * count('2026-07-01', '2026-07-31', 'influenza'));
    expect(count('2026-05-01', '2026-05-31', 'hfmd')).toBeGreaterThan(2 * count('2025-12-01', '2025-12-31', 'hfmd'));
  });

  it('releases each event once, when due, in order (a day started mid-way at once)', () => {
    const feed = new EpidemicFeed(options, NOW);
    const first = feed.due(NOW);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((e) => Date.parse(e.occurredAt) <= NOW)).toBe(true);
    const later = [...feed.due(NOW + DAY_MS), ...feed.due(NOW + 4 * DAY_MS)];
    const ids = [...first, ...later].map((e) => `${e.eventId}/${e.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(feed.due(NOW + 4 * DAY_MS)).toEqual([]);
  });

  it('with three years of history, the measles cluster is caught by the moving percentile in its county, and in no other', () => {
    const scenario = parseScenario('measles-cluster:610921');
    expect(scenario).toEqual({ kind: 'measles-cluster', county: '610921', cases: 8, days: 7 });
    const start = Date.parse('2026-11-24T08:00:00+08:00');
    const run = epidemicOptions('ankang', 'T2', scenario, start);
    const today = '20261130';
    // History from the first baseline window (three years and two weeks back) to the day before the feed starts, then the feed.
    const events = [...epidemicHistory(run, '2023-11-09', '2026-11-30')].map((t) => t.event).filter((e) => cstDayOf(e.occurredAt) <= today);
    const cases = dailyCases(events);
    const counties = [...new Set(ankangDemo().institutions.map((i) => i.county))].filter((c) => /^6109/.test(c));
    const windows = baselineWindowEnds(today).map((end) => Array.from({ length: 7 }, (_, i) => addDays(end, i - 6)));
    const reporting = new Set([...cases.keys()].map((k) => `${k.split('|')[0]}|${k.split('|')[2]}`));
    const anyCase = (county: string, day: string) => reporting.has(`${county}|${day}`);
    const judge = (county: string) => {
      const daily = Array.from({ length: SERIES_DAYS }, (_, i) => cases.get(`${county}|measles|${addDays(today, i - SERIES_DAYS + 1)}`) ?? 0);
      const history = windows
        .filter((w) => w.some((d) => anyCase(county, d)))
        .map((w) => w.reduce((sum, d) => sum + (cases.get(`${county}|measles|${d}`) ?? 0), 0));
      return detectOutbreak('measles', daily, history);
    };
    expect(judge('610921')).toMatchObject({ method: 'moving_percentile', level: 'red' });
    expect(judge('610921')!.observed).toBeGreaterThanOrEqual(7); // 7 of the 8 cluster cases fall in the 7 days to the 30th
    for (const county of counties.filter((c) => c !== '610921')) expect({ county, level: judge(county)?.level }).toEqual({ county, level: 'none' });
  });
});
