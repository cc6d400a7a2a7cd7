import { AlertMessage, dimensionsOf } from '@lib/targets-store';
import { renderWebhook } from './formats/render';
import { groupNotifications } from './grouping';
import { groupMarkdown } from './message-text';

const message = (extra: Partial<AlertMessage>): AlertMessage => ({
  schema: 'health.alerts.v1',
  idempotencyKey: 'k',
  alertId: '1',
  transition: 'firing',
  at: '2026-05-01T02:00:00.000Z',
  kind: 'indicator',
  indicator: 'county_visit_rate',
  indicatorName: '县域就诊率',
  unit: 'percent',
  dims: '',
  dimensions: {},
  dimsLabel: '',
  level: 'county',
  region: '610921',
  regionName: '汉阴县',
  period: '2026',
  bureau: '610921',
  bureauName: '汉阴县',
  escalatedTo: null,
  state: 'firing',
  status: 'red',
  expected: 0.9,
  actual: 0.8,
  gap: -0.1,
  target: {
    indicator: 'county_visit_rate',
    scope: 'default:county',
    year: 2026,
    dims: '',
    rule: { kind: 'threshold', comparator: '>=', value: 0.9 },
    tolerance: 0.02,
    minDenominator: 100,
  },
  silenced: false,
  acknowledged: null,
  staleFeeds: [],
  startedAt: '2026-05-01T02:00:00.000Z',
  firedAt: '2026-05-01T02:00:00.000Z',
  resolvedAt: null,
  resolveReason: null,
  ...extra,
});

describe('grouping along the hierarchy', () => {
  it('sends one notification per bureau and evaluation carrying all its red indicators', () => {
    const groups = groupNotifications([
      message({}),
      message({ indicator: 'primary_care_visit_share', indicatorName: '基层就诊率' }),
      message({ region: '610922', regionName: '石泉县', bureau: '610922', bureauName: '石泉县' }),
    ]);
    expect(groups.map((g) => [g.recipient, g.messages.length])).toEqual([
      ['610921', 2],
      ['610922', 1],
    ]);
  });

  it('sends an escalation to the bureau above, and later transitions of it to both', () => {
    expect(groupNotifications([message({ transition: 'escalated', escalatedTo: '610900' })]).map((g) => g.recipient)).toEqual(['610900']);
    expect(groupNotifications([message({ transition: 'resolved', escalatedTo: '610900' })]).map((g) => g.recipient)).toEqual(['610921', '610900']);
  });

  it('leaves silenced transitions and the quiet ones (pending, cleared, acknowledged) to the topic', () => {
    expect(
      groupNotifications([
        message({ silenced: true }),
        message({ transition: 'pending' }),
        message({ transition: 'cleared' }),
        message({ transition: 'acknowledged' }),
      ]),
    ).toEqual([]);
  });

  it('writes the message in Chinese, with the stale feeds of the county', () => {
    const [group] = groupNotifications([
      message({ staleFeeds: [{ institutionId: '610921-THC-001', name: '城关镇卫生院', lastReceivedAt: '2026-04-30T01:00:00.000Z' }] }),
    ]);
    const text = groupMarkdown(group, [{ indicatorName: '县域就诊率', dimsLabel: '', regionName: '汉阴县', period: '2026' }], new Date('2026-05-01T02:00:00Z'));
    expect(text).toContain('### 【健康指标预警】汉阴县');
    expect(text).toContain('评估时间：2026-05-01 10:00（北京时间）');
    expect(text).toContain('汉阴县县域就诊率（2026）：红色，实际 80.0%，目标 ≥ 90.0%，差距 -10.0个百分点');
    expect(text).toContain('城关镇卫生院，最后上报 2026-04-30 09:00');
    expect(JSON.parse(renderWebhook('wecom', group, [], 'k', new Date()).body)).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('新触发预警') },
    });
    expect(JSON.parse(renderWebhook('dingtalk', group, [], 'k', new Date()).body)).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '【健康指标预警】汉阴县' },
    });
  });

  it('says what is due by now for a target judged by pace, and why an alert ended without recovering', () => {
    const managed = message({
      indicator: 'hypertension_standard_management_rate',
      indicatorName: '高血压患者规范管理率',
      expected: 0.2,
      actual: 0.1,
      gap: -0.1,
      target: {
        indicator: 'hypertension_standard_management_rate',
        scope: 'default:county',
        year: 2026,
        dims: '',
        rule: { kind: 'threshold', comparator: '>=', value: 0.8 },
        tolerance: 0.05,
        minDenominator: null,
      },
    });
    const ended = message({
      transition: 'resolved',
      status: 'insufficient_data',
      resolveReason: 'insufficient_data',
      indicator: 'inpatient_cost_growth',
      indicatorName: '住院次均费用增幅',
      gap: null,
    });
    const [group] = groupNotifications([managed, ended]);
    const text = groupMarkdown(group, [], new Date('2026-11-01T02:00:00Z'));
    expect(text).toContain('实际 10.0%，目标 ≥ 80.0%，按进度应达 20.0%，差距 -10.0个百分点');
    expect(text).toContain('汉阴县住院次均费用增幅（2026）：样本量不足，实际 80.0%，目标 ≥ 90.0%，暂不评判');
  });

  it('names the vaccine, dose and cohort of each vaccination coverage cell, in the changes and in what still fires', () => {
    const coverage = (dims: string) =>
      message({
        indicator: 'vaccination_coverage',
        indicatorName: '免疫规划疫苗接种率',
        dims,
        ...dimensionsOf(dims),
        expected: 0.95,
        actual: 0,
        target: {
          indicator: 'vaccination_coverage',
          scope: 'default:county',
          year: 2026,
          dims,
          rule: { kind: 'threshold', comparator: '>=', value: 0.95 },
          tolerance: 0.02,
          minDenominator: null,
        },
      });
    const cells = ['cohort=2025;dose=1;vaccine=HepB', 'cohort=2025;dose=3;vaccine=DTaP', 'cohort=2025;dose=1;vaccine=MMR'];
    const [group] = groupNotifications(cells.map(coverage));
    const firing = cells.map((dims) => ({
      indicatorName: '免疫规划疫苗接种率',
      dimsLabel: dimensionsOf(dims).dimsLabel,
      regionName: '汉阴县',
      period: '2026',
    }));
    const text = groupMarkdown(group, firing, new Date('2026-05-01T02:00:00Z'));
    expect(text).toContain('汉阴县免疫规划疫苗接种率（2026，HepB 第1剂 2025年出生队列）：红色，实际 0.0%，目标 ≥ 95.0%');
    expect(text).toContain('汉阴县免疫规划疫苗接种率（2026，DTaP 第3剂 2025年出生队列）');
    expect(text).toContain('当前仍在预警：3项（汉阴县免疫规划疫苗接种率（HepB 第1剂 2025年出生队列）、汉阴县免疫规划疫苗接种率（DTaP 第3剂 2025年出生队列）、');
    const lines = text.split('\n').filter((line) => line.startsWith('- '));
    expect(new Set(lines).size).toBe(3);
  });
});
