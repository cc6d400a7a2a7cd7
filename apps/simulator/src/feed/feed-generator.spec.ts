import { ACTIONS_BY_TYPE, HealthEvent, InstitutionFacts, validateEvent, ValidationContext, VisitEvent } from '@lib/contracts';
import { ankangDemo } from '@lib/registry';
import { DAY_MS } from './cst-time';
import { FAMILY_WEIGHTS, FeedGenerator } from './feed-generator';
import { parseScenario } from './feed-scenario';
import { backfillEvents, backfillInstant, backfillOptions, liveOptions, type BackfillRange } from './feed-timeline';

/** The pure feed against the contract's own validator and the demo registry, at a fixed "now". */
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
const RANGE: BackfillRange = { fromMs: Date.parse('2026-01-01T00:00:00+08:00'), toMs: NOW };
const SAMPLE = 20_000;
const SCALE = 0.002;

function demoContext(): ValidationContext {
  const demo = ankangDemo();
  const institutions = new Map<string, InstitutionFacts>(demo.institutions.map((i) => [i.id, { id: i.id, county: i.county, type: i.type, level: i.level }]));
  const regions = new Map<string, string>(demo.regions.map((r) => [r.code, r.code]));
  for (const s of demo.superseded) regions.set(s.oldCode, s.currentCode);
  return {
    now: new Date(NOW),
    maxClockSkewMs: 5 * 60_000,
    maxAgeMs: 400 * DAY_MS,
    institution: (id) => {
      const facts = institutions.get(id);
      return facts && { facts, active: true };
    },
    region: (code) => (regions.has(code) ? { current: regions.get(code) as string } : undefined),
  };
}

const sample = (scenario = 'steady', count = SAMPLE, seed = '7') => [
  ...backfillEvents(backfillOptions(seed, RANGE, { populationScale: SCALE, scenario: parseScenario(scenario) }), RANGE, count),
];

const countyOf = new Map(ankangDemo().institutions.map((i) => [i.id, i.county]));
const currentRegion = (code: string) => (code === '610928' ? '610981' : code);
const isVisit = (e: HealthEvent): e is VisitEvent => e.type === 'visit' && e.action !== 'discharge' && e.version === 1;

/** 县域就诊率 of the visits given: share made at an institution in the resident's own county. */
function inCountyShare(visits: VisitEvent[]): number {
  const inCounty = visits.filter((v) => countyOf.get(v.institutionId) === currentRegion(v.person.residenceRegion as string));
  return inCounty.length / visits.length;
}

describe('FeedGenerator (pure Ankang feed)', () => {
  const events = sample();

  it('is deterministic: the same seed gives the same events, another seed others', () => {
    expect(sample()).toEqual(events);
    expect(sample('steady', 3000, '8')).not.toEqual(sample('steady', 3000, '7'));
  });

  it('sends only events the contract validator accepts against the demo registry', () => {
    const ctx = demoContext();
    const rejected = events
      .map((event) => ({ event, result: validateEvent(event, ctx) }))
      .filter(({ result }) => !result.ok)
      .slice(0, 3);
    expect(rejected).toEqual([]);
  });

  it('covers every simulated family and every action', () => {
    const seen = new Set(events.map((e) => `${e.type}.${e.action}`));
    const simulated = Object.entries(ACTIONS_BY_TYPE).filter(([type]) => type in FAMILY_WEIGHTS);
    expect(simulated.length).toBeGreaterThanOrEqual(6);
    const all = simulated.flatMap(([type, actions]) => actions.map((a) => `${type}.${a}`));
    expect(all.filter((a) => !seen.has(a))).toEqual([]);
  });

  it('keeps 县域就诊率 near 90% in the steady scenario, and the other shares realistic', () => {
    const visits = events.filter(isVisit);
    expect(inCountyShare(visits)).toBeGreaterThan(0.8);
    expect(inCountyShare(visits)).toBeLessThan(0.95);
    const levelOf = new Map(ankangDemo().institutions.map((i) => [i.id, i.level]));
    const ambulatory = visits.filter((v) => v.action !== 'admission' && countyOf.get(v.institutionId)?.startsWith('6109'));
    const primary = ambulatory.filter((v) => (levelOf.get(v.institutionId) ?? 9) <= 2).length / ambulatory.length;
    expect(primary).toBeGreaterThan(0.55); // 基层就诊率 target ≥ 65% is about met
    expect(primary).toBeLessThan(0.8);
    const tcm = visits.filter((v) => v.tcmPrescription).length / visits.length;
    expect(tcm).toBeGreaterThan(0.2);
    expect(tcm).toBeLessThan(0.45);
  });

  it('lets one county fall below the 90% target over weeks in county-decline', () => {
    const declining = sample('county-decline:610924', SAMPLE * 2)
      .filter(isVisit)
      .filter((v) => v.person.residenceRegion === '610924');
    const months = (...ms: string[]) => declining.filter((v) => ms.includes(v.occurredAt.slice(0, 7)));
    const january = inCountyShare(months('2026-01'));
    const autumn = inCountyShare(months('2026-09', '2026-10', '2026-11'));
    expect(january).toBeGreaterThan(0.8);
    expect(autumn).toBeLessThan(0.8);
    expect(autumn).toBeGreaterThan(0.68);
    expect(january - autumn).toBeGreaterThan(0.05);
    // The other counties keep their steady shares.
    const others = sample('county-decline:610924', SAMPLE)
      .filter(isVisit)
      .filter((v) => v.person.residenceRegion !== '610924');
    expect(inCountyShare(others)).toBeGreaterThan(0.85);
  });

  it('amends and voids only events already sent, with a higher version', () => {
    const sent = new Map<string, number>();
    const orphans: HealthEvent[] = [];
    for (const e of events) {
      const key = `${e.institutionId}/${e.eventId}`;
      const before = sent.get(key);
      if (e.version > 1 && (before === undefined || before >= e.version)) orphans.push(e);
      sent.set(key, Math.max(before ?? 0, e.version));
    }
    expect(orphans).toEqual([]);
    expect(events.filter((e) => e.version > 1 && !e.voided).length).toBeGreaterThan(SAMPLE * 0.003);
    expect(events.filter((e) => e.voided).length).toBeGreaterThan(SAMPLE * 0.001);
  });

  it('retries some events unchanged (duplicates)', () => {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const e of events) {
      const key = JSON.stringify(e);
      if (seen.has(key)) duplicates++;
      seen.add(key);
    }
    expect(duplicates).toBeGreaterThan(SAMPLE * 0.002);
  });

  it('never sends an event from the future or beyond the 400-day horizon, and has late arrivals', () => {
    const times = events.map((e) => Date.parse(e.occurredAt));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...times)).toBeGreaterThan(NOW - 400 * DAY_MS);
    const late = events.filter((e, i) => Date.parse(e.occurredAt) < backfillInstant(RANGE, i, SAMPLE) - 2 * DAY_MS);
    expect(late.length).toBeGreaterThan(SAMPLE * 0.01);
  });

  it('in live mode stays at or before the instant it is given', () => {
    const generator = new FeedGenerator(liveOptions('live', NOW, { populationScale: SCALE }));
    const ctx = demoContext();
    for (let i = 0; i < 3000; i++) {
      const at = NOW + i * 20; // 50 events/s
      const event = generator.next(at);
      expect(Date.parse(event.occurredAt)).toBeLessThanOrEqual(at);
      expect(validateEvent(event, { ...ctx, now: new Date(at) }).ok).toBe(true);
    }
  });
});

describe('parseScenario', () => {
  it('reads steady and county-decline, and refuses the rest', () => {
    expect(parseScenario('steady')).toEqual({ kind: 'steady' });
    expect(parseScenario('county-decline:610924')).toMatchObject({ county: '610924', timeConstantDays: 28 });
    expect(parseScenario('county-decline:610924:0.5')).toMatchObject({ timeConstantDays: 0.5 });
    expect(() => parseScenario('county-decline:999999')).toThrow(/not an Ankang county/);
    expect(() => parseScenario('storm')).toThrow(/unknown scenario/);
  });
});
