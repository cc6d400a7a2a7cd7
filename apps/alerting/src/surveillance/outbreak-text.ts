import { isClassAManaged, notifiableDisease } from '@lib/contracts';
import type { AlertMessage } from '@lib/targets-store';

const METHOD_TEXT: Record<string, string> = {
  fixed_threshold: '固定阈值法',
  moving_percentile: '移动百分位数法',
  ears_c1: 'EARS C1',
  ears_c2: 'EARS C2',
  ears_c3: 'EARS C3',
};
const LEVEL_TEXT: Record<string, string> = { red: '红色', yellow: '黄色', green: '绿色' };

const dayText = (day: string) => `${Number(day.slice(4, 6))}月${Number(day.slice(6, 8))}日`;
const figure = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
/** P80, P95 (the settings' percentiles); evidence recorded before they were kept is P80 and the maximum. */
const percentileName = (p: number | null | undefined, whenNull: string) => (p === null || p === undefined ? whenNull : `P${figure(Math.round(p * 1000) / 10)}`);

/** One line of a grouped message for an outbreak alert, with its evidence: 汉阴县麻疹疫情预警：红色（移动百分位数法…）. */
export function outbreakItemText(m: AlertMessage): string {
  const disease = notifiableDisease(m.dims.replace(/^disease=/, ''))?.name ?? m.dims;
  const where = `${m.regionName}${disease}`;
  if (m.transition === 'resolved') return `${where}疫情预警已解除`;
  const s = m.signal;
  if (!s) return `${where}疫情预警：${LEVEL_TEXT[m.status] ?? m.status}`;
  const window = `${dayText(s.windowFrom)}—${dayText(s.windowTo)}`;
  const evidence =
    s.method === 'fixed_threshold'
      ? `近7天（${window}）报告${s.observed}例，${isClassAManaged(m.dims.replace(/^disease=/, '')) ? '甲类及甲类管理传染病' : '列入固定阈值预警的病种'}1例即预警`
      : s.method === 'moving_percentile'
        ? `近7天（${window}）报告${s.observed}例，历史同期${s.baseline?.length ?? 0}个窗口${percentileName(s.percentiles?.yellow, 'P80')} ${figure(s.thresholds.yellow ?? 0)}、` +
          `${percentileName(s.percentiles?.red, '最大值')} ${figure(s.thresholds.red ?? 0)}`
        : `${dayText(s.day ?? s.windowTo)}报告${s.observed}例，统计量 ${figure(s.statistic ?? 0)}（阈值 ${figure(s.thresholds.yellow ?? 0)}）`;
  return `${where}疫情预警：${LEVEL_TEXT[m.status] ?? m.status}（${METHOD_TEXT[s.method] ?? s.method}，${evidence}）`;
}
