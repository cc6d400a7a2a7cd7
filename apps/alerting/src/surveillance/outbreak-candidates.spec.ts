import { addDays } from '@lib/periods';
import { alertMessage, AlertRecord } from '@lib/targets-store';
import { DailyCases, daysToRead } from '@lib/surveillance';
import { outbreakCandidates, outbreakKey } from './outbreak-candidates';
import { outbreakItemText } from './outbreak-text';

const TODAY = '20240318';
const cases = (county: string, disease: string, day: string, n: number): DailyCases => ({ county, disease, day, cases: n });

/** The webhook line of a candidate's alert as it fires, in 汉阴县. */
function firingText(candidate: ReturnType<typeof outbreakCandidates>[number]): string {
  const at = new Date(0);
  const alert = {
    ...candidate.key,
    ...candidate.judgement,
    id: '1',
    bureau: candidate.bureau,
    target: null,
    state: 'firing',
    resolveReason: null,
    startedAt: at,
    firedAt: at,
    resolvedAt: null,
    lastNotifiedAt: null,
    evaluatedAt: at,
    recoveringSince: null,
    acknowledgedAt: null,
  } as unknown as AlertRecord;
  const names = { indicator: () => ({ name: '法定传染病报告病例数', unit: 'count' }), region: () => '汉阴县' };
  return outbreakItemText(alertMessage(alert, 'firing', '1', at, false, names));
}

describe('outbreak candidates from the day counters of every county', () => {
  it('reads the last 18 days and 15 baseline windows of 7 days', () => {
    const { series, baseline } = daysToRead(TODAY);
    expect([series[0], series[17]]).toEqual(['20240301', TODAY]);
    expect(baseline).toHaveLength(15);
    // The first: the window ending 4 March 2023 (18 March 2023 − 2 weeks); the last ends 1 April 2021.
    expect(baseline[0]).toEqual(['20230226', '20230227', '20230228', '20230301', '20230302', '20230303', '20230304']);
    expect(baseline[14][6]).toBe('20210401');
  });

  it('judges a measles cluster in one county red against its history and leaves a quiet county green', () => {
    const { baseline } = daysToRead(TODAY);
    const rows: DailyCases[] = [];
    // Both counties reported some disease in every baseline window; 610921 had 1 measles case in each.
    for (const window of baseline) {
      rows.push(cases('610921', 'measles', window[3], 1), cases('610922', 'influenza', window[3], 4));
    }
    for (let d = 0; d < 4; d++) rows.push(cases('610921', 'measles', addDays(TODAY, -d), 2)); // 8 in the window
    rows.push(cases('610922', 'measles', TODAY, 1), cases('610922', 'influenza', TODAY, 4));
    const judged = outbreakCandidates(TODAY, rows, []);
    const of = (county: string, disease: string) => judged.find((c) => c.key.region === county && c.key.dims === `disease=${disease}`);

    expect(of('610921', 'measles')).toMatchObject({
      key: outbreakKey('610921', 'measles'),
      bureau: '610921',
      judgement: { status: 'red', actual: 8, expected: 1 },
    });
    expect(of('610921', 'measles')!.judgement.detail.signal).toMatchObject({
      method: 'moving_percentile',
      windowFrom: '20240312',
      windowTo: TODAY,
      baseline: Array(15).fill(1),
    });
    // 610922: no measles in its 15 windows (zeros: it was reporting); 1 case is below the minimum count of 3.
    expect(of('610922', 'measles')!.judgement).toMatchObject({ status: 'green', actual: 1 });
    expect(of('610922', 'influenza')!.judgement.status).toBe('green'); // 4 against 4 every year
  });

  it('a county without history falls back to EARS; an open alert is judged even without recent cases', () => {
    const rows = [cases('610923', 'measles', TODAY, 5)];
    const judged = outbreakCandidates(TODAY, rows, [outbreakKey('610924', 'dengue')]);
    expect(judged.find((c) => c.key.region === '610923')!.judgement).toMatchObject({ status: 'yellow', detail: { signal: { method: 'ears_c3' } } });
    expect(judged.find((c) => c.key.region === '610924')!.judgement.status).toBe('green');
  });

  it('judges an EARS cluster of yesterday after midnight, and the message names the day judged', () => {
    const [measles] = outbreakCandidates(TODAY, [cases('610923', 'measles', addDays(TODAY, -1), 6)], []);
    expect(measles.judgement).toMatchObject({ status: 'yellow', detail: { signal: { method: 'ears_c3', observed: 6, day: '20240317', windowTo: TODAY } } });
    expect(measles.judgement.detail.signal).not.toHaveProperty('daysAgo');
    // C3 = (6 − 0) / 0.5 − 1 on the 17th, nothing on the two days before.
    expect(firingText(measles)).toBe('汉阴县麻疹疫情预警：黄色（EARS C3，3月17日报告6例，统计量 11（阈值 2））');
  });

  it('one cholera case is red at once, and the message names the method and the window', () => {
    const [cholera] = outbreakCandidates(TODAY, [cases('610921', 'cholera', TODAY, 1)], []);
    expect(cholera.judgement).toMatchObject({ status: 'red', actual: 1, detail: { signal: { method: 'fixed_threshold' } } });
    const alert = {
      ...cholera.key,
      id: '7',
      bureau: '610921',
      target: null,
      state: 'firing',
      ...cholera.judgement,
      resolveReason: null,
      startedAt: new Date(0),
      firedAt: new Date(0),
    } as unknown as AlertRecord;
    const names = { indicator: () => ({ name: '法定传染病报告病例数', unit: 'count' }), region: () => '汉阴县' };
    expect(
      outbreakItemText(
        alertMessage(
          { ...alert, resolvedAt: null, lastNotifiedAt: null, evaluatedAt: new Date(0), recoveringSince: null, acknowledgedAt: null },
          'firing',
          '1',
          new Date(0),
          false,
          names,
        ),
      ),
    ).toBe('汉阴县霍乱疫情预警：红色（固定阈值法，近7天（3月12日—3月18日）报告1例，甲类及甲类管理传染病1例即预警）');
  });

  it('follows the settings: a listed disease is red at its first case; two years and one neighbour week read six windows against P90 and P95', () => {
    const params = {
      fixedThreshold: { listedDiseases: ['dengue'] },
      movingPercentile: { years: 2, neighbourWeeks: 1, yellowPercentile: 0.9, redPercentile: 0.95, minHistory: 6 },
    };
    const { baseline } = daysToRead(TODAY, params.movingPercentile);
    expect(baseline.map((window) => window[6])).toEqual(['20230311', '20230318', '20230325', '20220311', '20220318', '20220325']);

    // Six windows of 0..5 measles cases: P90 h = 4.5 → 4.5, P95 h = 4.75 → 4.75; 5 cases now are red.
    const rows = baseline.map((window, i) => cases('610921', 'measles', window[0], i));
    rows.push(cases('610921', 'measles', TODAY, 5), cases('610922', 'dengue', TODAY, 1));
    const judged = outbreakCandidates(TODAY, rows, [], params);
    const measles = judged.find((c) => c.key.region === '610921')!;
    expect(measles.judgement).toMatchObject({ status: 'red', actual: 5, detail: { signal: { method: 'moving_percentile', baseline: [0, 1, 2, 3, 4, 5] } } });
    expect(measles.judgement.detail.signal!.thresholds.yellow).toBeCloseTo(4.5, 12);
    expect(measles.judgement.detail.signal!.thresholds.red).toBeCloseTo(4.75, 12);
    expect(firingText(measles)).toBe('汉阴县麻疹疫情预警：红色（移动百分位数法，近7天（3月12日—3月18日）报告5例，历史同期6个窗口P90 4.50、P95 4.75）');
    // A share that is not exact in binary (0.55 × 100 = 55.000000000000007) still reads P55.
    const signal = { ...measles.judgement.detail.signal!, percentiles: { yellow: 0.55, red: null } };
    expect(firingText({ ...measles, judgement: { ...measles.judgement, detail: { signal } } })).toContain('个窗口P55 4.50、最大值 4.75）');

    const dengue = judged.find((c) => c.key.region === '610922')!;
    expect(dengue.judgement).toMatchObject({ status: 'red', actual: 1, detail: { signal: { method: 'fixed_threshold' } } });
    expect(firingText(dengue)).toBe('汉阴县登革热疫情预警：红色（固定阈值法，近7天（3月12日—3月18日）报告1例，列入固定阈值预警的病种1例即预警）');
    // Without the setting, one dengue case is judged by EARS and is no signal.
    expect(outbreakCandidates(TODAY, [cases('610922', 'dengue', TODAY, 1)], [])[0].judgement.status).toBe('green');
  });
});
