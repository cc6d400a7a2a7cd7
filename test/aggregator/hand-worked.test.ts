import { Kafka } from 'kafkajs';
import type { CanonicalEvent } from '@lib/contracts';
import { CounterRow, findIndicator, Measure, readIndicatorFromRows, RegionLevel } from '@lib/indicators';
import { createKafkaClient, TOPICS } from '@lib/kafka';
import { IndicatorChange, parseIndicatorChanges } from '@lib/indicator-readings';
import { amend, chronic, referral, visit, voidOf } from '../../libs/indicators/src/testing/event-builders';
import { AppProcess, eventually } from '../support/app-process';
import { counterValue } from '../support/counters-fixture';
import { counterChanges } from '../support/reference-counters';
import { AggregatorTestBed } from './support/aggregator-test-bed';
import { runRebuild } from './support/run-rebuild';

/**
 * Hand-worked counters through the real pipeline (Kafka → aggregator process → PostgreSQL → Redis and
 * the change feed), in Ankang's real codes: 汉阴县 610921, 汉滨区 610902, 安康市 610900, 陕西 610000.
 * Other test files may have counted in these regions before, so every figure is read as the change
 * this file's events made (after − before).
 */
const run = Date.now().toString(36);
const id = (name: string) => `hw-${run}-${name}`;
const who = (name: string) => `hmac-sha256:k1:${run}${name}`;

// 汉阴 residents A, B, C visiting at home, in 汉滨 (county hospital) and at the city hospital (in 汉滨).
const a1 = visit({ eventId: id('a1'), inst: 'hanyinTownship', person: who('A'), residence: '610921', at: '2024-03-05T09:00:00+08:00' });
const a2 = visit({ eventId: id('a2'), inst: 'hanbinCounty', person: who('A'), residence: '610921', at: '2024-03-06T09:00:00+08:00' });
const b1 = visit({ eventId: id('b1'), inst: 'ankangCity', action: 'admission', person: who('B'), residence: '610921', at: '2024-03-10T09:00:00+08:00' });
const b2 = visit({ eventId: id('b2'), inst: 'ankangCity', action: 'discharge', person: who('B'), residence: '610921', at: '2024-03-15T09:00:00+08:00' });
const c1 = visit({ eventId: id('c1'), inst: 'hanyinCounty', action: 'emergency', person: who('C'), residence: '610921', at: '2024-03-20T09:00:00+08:00' });
const c2 = visit({ eventId: id('c2'), inst: 'hanyinVillage', person: who('C'), residence: '610921', at: '2024-03-25T09:00:00+08:00' });
const c2moved = amend(c2, { occurredAt: '2024-04-02T09:00:00+08:00' }); // the amendment moves it to April
const a3 = visit({ eventId: id('a3'), inst: 'hanyinTownship', person: who('A'), residence: '610921', at: '2024-03-28T09:00:00+08:00' });
// Referrals: 卫生院(2) → 县医院(3) up and completed; 市医院(4) → 社区中心(2) down; 县医院(3) → 村卫生室(1) down.
const r1 = referral({
  eventId: id('r1'),
  inst: 'hanyinTownship',
  action: 'initiated',
  referralId: id('R1'),
  from: 'hanyinTownship',
  to: 'hanyinCounty',
  at: '2024-03-08T10:00:00+08:00',
});
const r1done = referral({
  eventId: id('r1d'),
  inst: 'hanyinCounty',
  action: 'completed',
  referralId: id('R1'),
  from: 'hanyinTownship',
  to: 'hanyinCounty',
  at: '2024-03-12T10:00:00+08:00',
});
const r2 = referral({
  eventId: id('r2'),
  inst: 'ankangCity',
  action: 'initiated',
  referralId: id('R2'),
  from: 'ankangCity',
  to: 'hanbinCommunity',
  at: '2024-03-09T10:00:00+08:00',
});
const r3 = referral({
  eventId: id('r3'),
  inst: 'hanyinCounty',
  action: 'initiated',
  referralId: id('R3'),
  from: 'hanyinCounty',
  to: 'hanyinVillage',
  at: '2024-03-11T10:00:00+08:00',
});
// 高血压: D registered in January, 4th follow-up on 1 September (then a 5th); E only 3 follow-ups, one in 汉滨.
const chronicEvents = [
  chronic({ eventId: id('d0'), inst: 'hanyinTownship', action: 'registration', person: who('D'), at: '2024-01-10T09:00:00+08:00' }),
  ...['02-01', '04-01', '06-01', '09-01', '11-01'].map((d, i) =>
    chronic({ eventId: id(`d${i + 1}`), inst: 'hanyinVillage', action: 'followup', person: who('D'), controlled: true, at: `2024-${d}T09:00:00+08:00` }),
  ),
  chronic({ eventId: id('e0'), inst: 'hanyinTownship', action: 'registration', person: who('E'), at: '2024-02-10T09:00:00+08:00' }),
  ...['03-01', '05-01', '07-01'].map((d, i) =>
    chronic({
      eventId: id(`e${i + 1}`),
      inst: i === 1 ? 'hanbinTownship' : 'hanyinVillage',
      action: 'followup',
      person: who('E'),
      at: `2024-${d}T09:00:00+08:00`,
    }),
  ),
];
// Arrival with disorder: the void before a retry of the voided event, the amendment before its original, a duplicate.
const arrival: CanonicalEvent[] = [voidOf(a3), a1, c2moved, a2, b1, b2, c1, c2, a3, a1, r1done, r2, r3, r1, ...chronicEvents.reverse()];

describe('hand-worked counters through Kafka, the aggregator, PostgreSQL, Redis and the change feed', () => {
  const bed = new AggregatorTestBed('hand');
  const aggregator: AppProcess = bed.aggregator(3931);
  let before: CounterRow[];
  let after: CounterRow[];

  const rows = async (): Promise<CounterRow[]> =>
    (
      await bed.pool.query<CounterRow & { value: string }>(
        `SELECT indicator, measure, level, region, period, dims, value FROM indicator_counter_values WHERE region LIKE '61%' OR region LIKE '6109%'`,
      )
    ).rows.map((r) => ({ ...r, value: Number(r.value) }));
  /** after − before, as counter rows (the counters this file's events made). */
  const delta = (): CounterRow[] => counterChanges(before, after);
  const counter = (indicator: string, measure: Measure, level: RegionLevel, region: string, period: string) =>
    counterValue(delta(), { indicator, measure, level, region, period });

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

  it('县域就诊率: home visits over all visits of 汉阴 residents; the amendment moves C’s visit to April, the void removes A’s', () => {
    expect([
      counter('county_visit_rate', 'numerator', 'county', '610921', '202403'),
      counter('county_visit_rate', 'denominator', 'county', '610921', '202403'),
    ]).toEqual([2, 4]);
    expect([
      counter('county_visit_rate', 'numerator', 'county', '610921', '202404'),
      counter('county_visit_rate', 'denominator', 'county', '610921', '202404'),
    ]).toEqual([1, 1]);
    expect([
      counter('county_visit_rate', 'numerator', 'city', '610900', '2024Q1'),
      counter('county_visit_rate', 'denominator', 'city', '610900', '2024Q1'),
    ]).toEqual([2, 4]);
    expect(counter('county_visit_rate', 'denominator', 'province', '610000', '2024')).toBe(5);
    expect(counter('county_visit_rate', 'denominator', 'county', '610902', '202403')).toBe(0); // by residence, not where the visit was
    expect([
      counter('county_inpatient_rate', 'numerator', 'county', '610921', '202403'),
      counter('county_inpatient_rate', 'denominator', 'county', '610921', '202403'),
    ]).toEqual([0, 1]);
    // 基层就诊率 by where care was given: outpatient + emergency only.
    expect([
      counter('primary_care_visit_share', 'numerator', 'county', '610921', '202403'),
      counter('primary_care_visit_share', 'denominator', 'county', '610921', '202403'),
    ]).toEqual([1, 2]);
    expect([
      counter('primary_care_visit_share', 'numerator', 'county', '610902', '202403'),
      counter('primary_care_visit_share', 'denominator', 'county', '610902', '202403'),
    ]).toEqual([0, 1]);
  });

  it('referrals: direction from the two institutions’ levels, by the from-institution and its county', () => {
    expect(counter('referrals_up', 'value', 'institution', '610921-THC-001', '202403')).toBe(1);
    expect(counter('referrals_up', 'value', 'county', '610921', '202403')).toBe(1);
    expect(counter('referrals_down', 'value', 'county', '610921', '202403')).toBe(1);
    expect(counter('referrals_down', 'value', 'county', '610902', '202403')).toBe(1);
    expect(counter('referrals_down', 'value', 'city', '610900', '202403')).toBe(2);
    expect([
      counter('referral_completion_rate', 'numerator', 'county', '610921', '202403'),
      counter('referral_completion_rate', 'denominator', 'county', '610921', '202403'),
    ]).toEqual([1, 2]);
    expect([
      counter('referral_down_up_ratio', 'numerator', 'city', '610900', '2024'),
      counter('referral_down_up_ratio', 'denominator', 'city', '610900', '2024'),
    ]).toEqual([2, 1]);
  });

  it('规范管理率: D becomes standard on the 4th follow-up (1 September), E never does', () => {
    expect(counter('hypertension_standard_management_rate', 'denominator', 'county', '610921', '202401')).toBe(1);
    expect(counter('hypertension_standard_management_rate', 'denominator', 'county', '610921', '202402')).toBe(1);
    expect(counter('hypertension_standard_management_rate', 'numerator', 'county', '610921', '202409')).toBe(1);
    expect(counter('hypertension_standard_management_rate', 'numerator', 'county', '610921', '202411')).toBe(0);
    const def = findIndicator('hypertension_standard_management_rate')!;
    const read = (period: string) => readIndicatorFromRows(delta(), def, period, { level: 'county', region: '610921' });
    expect([read('2024Q2').numerator, read('2024Q2').denominator]).toEqual([0, 2]);
    expect([read('2024Q3').numerator, read('2024Q3').denominator, read('2024Q3').value]).toEqual([1, 2, 0.5]);
  });

  it('every stored value has an asOf, Redis holds it, and the change feed announced it', async () => {
    // Redis gets a counter's value when the counter log is folded into its row: wait for both to agree.
    const { stored, cached } = await eventually(
      async () => ({
        stored: (
          await bed.pool.query<{ value: string; revision: string; updated_at: Date }>(
            `SELECT value, revision, updated_at FROM indicator_counters WHERE indicator = 'county_visit_rate' AND level = 'county' AND region = '610921' AND dims = '' AND measure = 'denominator' AND period = '202403'`,
          )
        ).rows[0],
        cached: await bed.redis.hget('counter:county_visit_rate:county:610921:month:', 'denominator:202403'),
      }),
      ({ stored, cached }) => stored !== undefined && cached !== null && JSON.parse(cached).revision === Number(stored.revision),
    );
    expect(stored.updated_at).toBeInstanceOf(Date);
    expect(JSON.parse(cached!)).toEqual({ value: Number(stored.value), revision: Number(stored.revision), asOf: stored.updated_at.toISOString() });

    const announced = await readChange(
      createKafkaClient(bed.env, 'hand-changes'),
      bed.env.KAFKA_TOPIC_PREFIX + TOPICS.indicatorChanges,
      (c) => c.indicator === 'county_visit_rate' && c.level === 'county' && c.region === '610921' && c.period === '202403',
    );
    expect(announced).toMatchObject({ dims: '', asOf: expect.any(String) });
    // Only the measures a batch changed are listed, each with its new value.
    expect(Object.values(announced!.values).every((v) => typeof v === 'number')).toBe(true);
  });

  it('reports no consumer lag on any partition once every event is applied', async () => {
    const lagLines = (metrics: string) => metrics.split('\n').filter((l) => l.startsWith('aggregator_consumer_lag_messages{'));
    const lines = await eventually(
      async () => lagLines(await (await fetch(`${aggregator.url}/metrics`)).text()),
      (l) => l.length === 12 && l.every((line) => line.endsWith(' 0')),
      40_000,
    );
    expect(lines).toHaveLength(12);
  });

  it('the rebuild tool finds no drift, reports a corrupted counter, and --apply repairs it (PostgreSQL and Redis)', async () => {
    expect((await runRebuild(bed.env)).code).toBe(0);
    const where = `indicator = 'referrals_up' AND level = 'county' AND region = '610921' AND dims = '' AND measure = 'value' AND period = '202403'`;
    // A stray change in the counter log: folded or not, the stored value is now 5 too high.
    await bed.pool.query(
      `INSERT INTO indicator_counter_log (indicator, level, region, dims, measure, period, delta) VALUES ('referrals_up', 'county', '610921', '', 'value', '202403', 5)`,
    );
    const drift = await runRebuild(bed.env);
    expect(drift.code).toBe(1);
    expect(drift.output).toMatch(/differs: referrals_up value county:610921 202403: live \d+, rebuilt \d+/);
    expect((await runRebuild(bed.env, ['--apply'])).code).toBe(0);
    expect((await runRebuild(bed.env)).code).toBe(0);
    const { rows: repaired } = await bed.pool.query<{ value: string }>(`SELECT value FROM indicator_counter_values WHERE ${where}`);
    const cached = JSON.parse((await bed.redis.hget('counter:referrals_up:county:610921:month:', 'value:202403'))!);
    expect(cached.value).toBe(Number(repaired[0].value));
  });
});

/** Reads the change feed from its start until a change matching `wanted` shows up. */
async function readChange(kafka: Kafka, topic: string, wanted: (change: IndicatorChange) => boolean): Promise<IndicatorChange | undefined> {
  const consumer = kafka.consumer({ groupId: `hand-changes-${Date.now()}` });
  const seen: IndicatorChange[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: ({ message }) => Promise.resolve(void seen.push(...parseIndicatorChanges(message.value))) });
  try {
    return await eventually(
      () => seen.find(wanted),
      (found) => found !== undefined,
      30_000,
    );
  } finally {
    await consumer.disconnect();
  }
}
