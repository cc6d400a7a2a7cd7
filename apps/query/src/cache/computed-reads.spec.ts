import { findIndicator, IndicatorDefinition, RegionLevel } from '@lib/indicators';
import type { IndicatorChange } from '@lib/indicator-readings';
import { ComputedReads, ComputedReadsOptions, InvalidationCause } from './computed-reads';
import { readDependencies } from './read-dependencies';

const def = (code: string): IndicatorDefinition => {
  const found = findIndicator(code);
  if (!found) throw new Error(code);
  return found;
};

const change = (fields: Partial<IndicatorChange>): IndicatorChange => ({
  indicator: 'county_visit_rate',
  level: 'county',
  region: '610921',
  period: '202611',
  dims: '',
  values: {},
  asOf: '2026-11-30T00:00:00Z',
  ...fields,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache that is storing, and counts its computations per key. */
function setup(options: Partial<ComputedReadsOptions> = {}) {
  const invalidated: [InvalidationCause, number][] = [];
  const reads = new ComputedReads({
    maxEntries: 100,
    maxBytes: 1_000_000,
    ttlMs: 60_000,
    onInvalidated: (cause, n) => invalidated.push([cause, n]),
    ...options,
  });
  reads.setStoring(true);
  const computed = new Map<string, number>();
  let version = 0;
  /** Reads `key`, computing `{ version }` from the given cells on a miss. */
  const read = (key: string, code = 'county_visit_rate', regions = ['610921'], periods = ['2026'], level: RegionLevel = 'county', dims = '') =>
    reads.read(key, () => ({
      dependsOn: readDependencies(def(code), level, regions, periods, dims),
      compute: () => {
        computed.set(key, (computed.get(key) ?? 0) + 1);
        return Promise.resolve({ version: ++version });
      },
    }));
  return { reads, read, computed, invalidated };
}

describe('ComputedReads', () => {
  it('computes once, then answers from the cache', async () => {
    const { read, computed } = setup();
    const first = await read('a');
    expect(await read('a')).toBe(first);
    expect(computed.get('a')).toBe(1);
  });

  it('tells a cached answer without computing, and nothing once a change drops it', async () => {
    const { reads, read, computed } = setup();
    expect(reads.cached('a')).toBeUndefined();
    const first = await read('a');
    expect(reads.cached('a')).toBe(first);
    reads.invalidateCounters([change({})]);
    expect(reads.cached('a')).toBeUndefined();
    expect(computed.get('a')).toBe(1);
  });

  it('computes once for callers arriving while it runs', async () => {
    const { read, computed } = setup();
    const [a, b] = await Promise.all([read('a'), read('a')]);
    expect(a).toBe(b);
    expect(computed.get('a')).toBe(1);
  });

  it('keeps nothing until it is told every change is heard', async () => {
    const { reads, read, computed } = setup();
    reads.setStoring(false);
    await read('a');
    await read('a');
    expect(computed.get('a')).toBe(2);
  });

  it('drops the answers that read a changed counter, and only those', async () => {
    const { reads, read, computed } = setup();
    await read('year', 'county_visit_rate', ['610921', '610922'], ['2026']);
    await read('last year', 'county_visit_rate', ['610921'], ['2025']);
    await read('month', 'county_visit_rate', ['610921'], ['202611']);
    await read('other county', 'county_visit_rate', ['610923'], ['2026']);
    await read('other indicator', 'county_inpatient_rate', ['610921'], ['2026']);
    await read('city', 'county_visit_rate', ['610900'], ['2026'], 'city');

    // An event of 2026-11-30 moves the county's year, quarter, month and day counters.
    const dropped = reads.invalidateCounters(['2026', '2026Q4', '202611', '20261130'].map((period) => change({ region: '610922', period })));
    expect(dropped).toBe(1);
    for (const key of ['year', 'last year', 'month', 'other county', 'other indicator', 'city']) await read(key);
    expect(computed.get('year')).toBe(2);
    for (const key of ['last year', 'month', 'other county', 'other indicator', 'city']) expect([key, computed.get(key)]).toEqual([key, 1]);
  });

  it('drops a later period’s answer when an earlier counter changes (cumulative reads), never an earlier one', async () => {
    const { reads, read, computed } = setup();
    await read('2025', 'hypertension_standard_management_rate', ['610921'], ['2025']);
    await read('2027', 'hypertension_standard_management_rate', ['610921'], ['2027']);
    reads.invalidateCounters([change({ indicator: 'hypertension_standard_management_rate', period: '202606' })]);
    await read('2025', 'hypertension_standard_management_rate', ['610921'], ['2025']);
    await read('2027', 'hypertension_standard_management_rate', ['610921'], ['2027']);
    expect([computed.get('2025'), computed.get('2027')]).toEqual([1, 2]);
  });

  it('drops a cost-growth answer when a day of the same days a year earlier changes', async () => {
    const { reads, read, computed } = setup();
    const growth = () => read('growth', 'outpatient_cost_growth', ['610921'], ['202611']);
    await growth();
    reads.invalidateCounters([change({ indicator: 'outpatient_cost_growth', period: '20231115' })]);
    await growth();
    reads.invalidateCounters([change({ indicator: 'outpatient_cost_growth', period: '20251115' })]);
    await growth();
    expect(computed.get('growth')).toBe(2);
  });

  it('matches dims and level exactly', async () => {
    const { reads, read, computed } = setup();
    const hepB = () => read('HepB', 'vaccination_coverage', ['610921'], ['2026'], 'county', 'cohort=2025;dose=3;vaccine=HepB');
    await hepB();
    reads.invalidateCounters([change({ indicator: 'vaccination_coverage', dims: 'cohort=2025;dose=2;vaccine=HepB' })]);
    reads.invalidateCounters([change({ indicator: 'vaccination_coverage', level: 'city', region: '610921', dims: 'cohort=2025;dose=3;vaccine=HepB' })]);
    await hepB();
    expect(computed.get('HepB')).toBe(1);
    reads.invalidateCounters([change({ indicator: 'vaccination_coverage', dims: 'cohort=2025;dose=3;vaccine=HepB' })]);
    await hepB();
    expect(computed.get('HepB')).toBe(2);
  });

  it('never keeps an answer computed across a change, nor hands it to callers arriving after the change', async () => {
    const { reads } = setup();
    let release!: () => void;
    let computations = 0;
    const read = () =>
      reads.read('a', () => ({
        dependsOn: readDependencies(def('county_visit_rate'), 'county', ['610921'], ['2026'], ''),
        compute: async () => {
          computations += 1;
          const mine = computations;
          if (mine === 1) await new Promise<void>((resolve) => (release = resolve));
          return { computation: mine };
        },
      }));
    const before = read();
    await sleep(0);
    reads.invalidateCounters([change({})]);
    const after = read();
    release();
    expect(await before).toEqual({ computation: 1 }); // its callers asked before the change
    expect(await after).toEqual({ computation: 2 });
    expect(await read()).toEqual({ computation: 2 }); // the second was kept, the first was not
  });

  it('drops the answers of a changed target’s indicator, dims and year', async () => {
    const { reads, read, computed, invalidated } = setup();
    await read('2026', 'county_visit_rate', ['610921'], ['2026']);
    await read('2025', 'county_visit_rate', ['610921'], ['2024']);
    await read('other', 'county_inpatient_rate', ['610921'], ['2026']);
    expect(reads.invalidateTargets({ indicator: 'county_visit_rate', year: 2026, dims: '' })).toBe(1);
    // A change target compares with a year earlier: the 2026 target's change also reaches a 2027 answer.
    await read('2026', 'county_visit_rate', ['610921'], ['2026']);
    await read('2027', 'county_visit_rate', ['610921'], ['2027']);
    expect(reads.invalidateTargets({ indicator: 'county_visit_rate', year: 2026, dims: '' })).toBe(2);
    expect(reads.invalidateTargets({ indicator: 'county_visit_rate', year: 2026, dims: 'cohort=2025' })).toBe(0);
    expect(reads.invalidateTargets({})).toBe(2); // TRUNCATE: every target
    expect(invalidated.filter(([cause]) => cause === 'targets').map(([, n]) => n)).toEqual([1, 2, 2]);
    expect(computed.get('2026')).toBe(2);
  });

  it('drops the answers that read populations of a changed year', async () => {
    const { reads, read } = setup();
    await read('coverage', 'vaccination_coverage', ['610921'], ['2026'], 'county', 'cohort=2025;dose=3;vaccine=HepB');
    await read('visits', 'county_visit_rate', ['610921'], ['2026']);
    expect(reads.invalidatePopulations(2020)).toBe(0);
    expect(reads.invalidatePopulations(2026)).toBe(1);
  });

  it('forgets answers older than the TTL', async () => {
    let now = 1_000;
    const { read, computed } = setup({ ttlMs: 5_000, perf: { now: () => now } });
    await read('a');
    now += 4_000;
    await sleep(5); // lru-cache reuses its clock reading for 1 ms
    await read('a');
    now += 2_000;
    await sleep(5);
    await read('a');
    expect(computed.get('a')).toBe(2);
  });

  it('holds at most maxEntries, dropping the least recently used, and keeps its index in step', async () => {
    const { reads, read, computed } = setup({ maxEntries: 2 });
    await read('a', 'county_visit_rate', ['610921']);
    await read('b', 'county_visit_rate', ['610922']);
    await read('a', 'county_visit_rate', ['610921']);
    await read('c', 'county_visit_rate', ['610923']);
    expect(reads.size).toBe(2);
    expect(reads.invalidateCounters([change({ region: '610922' })])).toBe(0); // b was evicted
    await read('a', 'county_visit_rate', ['610921']);
    expect(computed.get('a')).toBe(1);
  });

  it('holds at most maxBytes', async () => {
    const { reads } = setup({ maxBytes: 600 });
    const big = (key: string) =>
      reads.read(key, () => ({
        dependsOn: readDependencies(def('county_visit_rate'), 'county', ['610921'], ['2026'], ''),
        compute: () => Promise.resolve({ text: 'x'.repeat(200) }),
      }));
    await big('a');
    await big('b');
    await big('c');
    expect(reads.size).toBe(2);
  });

  it('drops everything when it stops storing, including computations under way', async () => {
    const { reads, read, computed } = setup();
    await read('a');
    reads.setStoring(false);
    reads.setStoring(true);
    await read('a');
    expect(computed.get('a')).toBe(2);
  });

  it('shares answers frozen, so no caller can change another’s', async () => {
    const { read } = setup();
    const answer = await read('a');
    expect(() => (answer.version = 99)).toThrow(TypeError);
  });
});
