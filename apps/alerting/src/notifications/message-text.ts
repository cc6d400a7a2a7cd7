import type { Status, Target } from '@lib/targets';
import type { AlertMessage } from '@lib/targets-store';
import type { NotificationGroup } from './grouping';
import { displayValue } from '@lib/indicators';
import { outbreakItemText } from '../surveillance/outbreak-text';

/** An indicator still firing in the area, for the "当前仍在预警" line of a grouped message. */
export interface FiringSummary {
  indicatorName: string;
  /** The cell's dimensions for people (`HepB 第3剂 2023年出生队列`), '' when undisaggregated. */
  dimsLabel: string;
  regionName: string;
  period: string;
}

const HEADINGS: Record<string, string> = {
  firing: '新触发预警',
  repeat: '持续未改善',
  escalated: '超时未解决，升级上报',
  resolved: '已恢复',
};
const ORDER = ['firing', 'escalated', 'repeat', 'resolved'];
const STATUS_TEXT: Record<Status, string> = { red: '红色', yellow: '黄色', green: '绿色', insufficient_data: '样本量不足', none: '无数据' };
const RESOLVE_REASON_TEXT: Record<string, string> = { period_ended: '，统计期已结束', insufficient_data: '，暂不评判' };

/** Title of a grouped notification, e.g. 【健康指标预警】汉阴县. */
export function groupTitle(group: NotificationGroup): string {
  return `【健康指标预警】${group.messages[0]?.bureauName ?? group.bureau}`;
}

/**
 * The message bureaus read (Markdown both robots render), in Chinese: what changed in this evaluation
 * by kind of change, what is still red, and a warning when the area's feeds are quiet.
 */
export function groupMarkdown(group: NotificationGroup, firing: readonly FiringSummary[], at: Date): string {
  const lines = [`### ${groupTitle(group)}`, `评估时间：${cstText(at)}（北京时间）`];
  for (const transition of ORDER) {
    const items = group.messages.filter((m) => m.transition === transition);
    if (items.length === 0) continue;
    lines.push('', `**${HEADINGS[transition]}（${items.length}项）**`);
    for (const m of items) lines.push(`- ${itemText(m)}`);
  }
  if (firing.length > 0) {
    lines.push(
      '',
      `当前仍在预警：${firing.length}项（${firing.map((f) => `${f.regionName}${f.indicatorName}${f.dimsLabel ? `（${f.dimsLabel}）` : ''}`).join('、')}）`,
    );
  }
  const stale = uniqueStaleFeeds(group.messages);
  if (stale.length > 0) {
    lines.push(
      '',
      `> 注意：辖区内${stale.length}家机构数据中断（${stale.map((s) => `${s.name}，最后上报 ${cstText(new Date(s.lastReceivedAt))}`).join('；')}），相关指标偏低可能是数据缺失所致。`,
    );
  }
  return lines.join('\n');
}

function itemText(m: AlertMessage): string {
  if (m.kind === 'outbreak') return outbreakItemText(m);
  if (m.kind === 'feed_stale') {
    const since = m.staleFeeds[0]?.lastReceivedAt;
    return m.transition === 'resolved'
      ? `${m.regionName}（${m.region}）已恢复上报`
      : `数据中断：${m.regionName}（${m.region}）${since ? `自 ${cstText(new Date(since))} 起` : ''}无上报`;
  }
  const where = `${m.regionName}${m.indicatorName}（${m.period}${m.dimsLabel ? `，${m.dimsLabel}` : ''}）`;
  const status = STATUS_TEXT[m.status];
  const reason = (m.resolveReason && RESOLVE_REASON_TEXT[m.resolveReason]) ?? '';
  return `${where}：${status}，实际 ${displayValue(m.actual, m.unit)}，${expectationText(m.target, m.expected, m.unit)}${gapText(m.gap, m.unit)}${reason}`;
}

export function expectationText(target: Target | null, expected: number | null, unit: string): string {
  const rule = target?.rule;
  if (!rule) return `目标 ${displayValue(expected, unit)}`;
  switch (rule.kind) {
    case 'threshold': {
      const figure = `目标 ${rule.comparator === '>=' ? '≥' : '≤'} ${displayValue(rule.value, unit)}`;
      // Judged by pace (a value that accrues over the year): say what is due by now.
      return expected !== null && Math.abs(expected - rule.value) > 1e-9 ? `${figure}，按进度应达 ${displayValue(expected, unit)}` : figure;
    }
    case 'change': {
      const delta = rule.unit === 'pp' ? `${signed(rule.delta * 100, 1)}个百分点` : `${signed(rule.delta * 100, 1)}%`;
      return `目标 较去年同期${delta}（${rule.comparator === '>=' ? '≥' : '≤'} ${displayValue(expected, unit)}）`;
    }
    case 'yearly_count':
      return `按进度应达 ${displayValue(expected, 'count')}（全年 ${rule.count}）`;
  }
}

function gapText(gap: number | null, unit: string): string {
  if (gap === null) return '';
  return unit === 'percent' ? `，差距 ${signed(gap * 100, 1)}个百分点` : `，差距 ${signed(gap, unit === 'count' ? 0 : 2)}`;
}

function signed(n: number, digits: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
}

/** 2026-05-01 10:00 in China Standard Time. */
export function cstText(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function uniqueStaleFeeds(messages: readonly AlertMessage[]) {
  const byId = new Map(
    messages
      .filter((m) => m.kind === 'indicator')
      .flatMap((m) => m.staleFeeds)
      .map((s) => [s.institutionId, s]),
  );
  return [...byId.values()];
}
