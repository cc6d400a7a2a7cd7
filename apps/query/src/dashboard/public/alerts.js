import { el, fill } from './dom.js';
import { formatValue, STATUS_LABELS } from './format.js';

/** Worst first: a group takes the worst status of its alerts, and the panel lists the worst groups on top. */
const SEVERITY = { red: 0, yellow: 1, insufficient_data: 2, green: 3, none: 4 };

/**
 * The firing alerts (三色预警) of the token's scope, as GET /v1/alerts returns them (AlertRecord of
 * libs/targets/src/store), grouped by region × indicator: one group per 汉阴县 · 免疫规划疫苗接种率, its cells
 * (HepB 第3剂, DTaP 第3剂 …) inside, each coloured by its status — grey when it rests on too few cases.
 */
export async function showAlerts(list, api, { definitionOf, nameOf }) {
  let alerts;
  try {
    alerts = await api.firingAlerts();
  } catch (error) {
    fill(list, el('li', { class: 'muted', textContent: `预警服务暂不可用 (alerts unavailable: ${error.message})` }));
    return;
  }
  if (alerts.length === 0) {
    fill(list, el('li', { class: 'no-alerts', textContent: '暂无预警 (no firing alerts)' }));
    return;
  }
  fill(
    list,
    groupAlerts(alerts).map((group) => alertGroup(group, definitionOf(group.indicator), nameOf)),
  );
}

/** Alerts by region × indicator, worst group first, then by region and indicator; cells by their label. */
export function groupAlerts(alerts) {
  const groups = new Map();
  for (const alert of alerts) {
    const key = `${alert.region}|${alert.indicator}`;
    if (!groups.has(key)) groups.set(key, { region: alert.region, indicator: alert.indicator, kind: alert.kind, alerts: [] });
    groups.get(key).alerts.push(alert);
  }
  const worst = (group) => Math.min(...group.alerts.map((a) => SEVERITY[a.status] ?? SEVERITY.none));
  return [...groups.values()]
    .map((group) => ({
      ...group,
      status: Object.keys(SEVERITY)[worst(group)],
      alerts: group.alerts.sort((a, b) => (a.dimsLabel ?? '').localeCompare(b.dimsLabel ?? '', 'zh-CN')),
    }))
    .sort((a, b) => worst(a) - worst(b) || a.region.localeCompare(b.region) || a.indicator.localeCompare(b.indicator));
}

function alertGroup(group, def, nameOf) {
  const indicatorName = group.kind === 'feed_stale' ? '数据上报中断 (feed stale)' : def ? def.name : group.indicator;
  return el('li', { class: 'alert-group', dataset: { region: group.region, indicator: group.indicator, status: group.status } }, [
    el('div', { class: 'alert-group-head' }, [
      el('span', { class: 'alert-region', textContent: nameOf(group.region) }),
      el('span', { class: 'alert-indicator', textContent: indicatorName }),
      group.alerts.length > 1 ? el('span', { class: 'alert-count', textContent: `${group.alerts.length}项` }) : null,
    ]),
    el(
      'ul',
      { class: 'alert-cells' },
      group.alerts.map((alert) => alertItem(alert, def)),
    ),
  ]);
}

function alertItem(alert, def) {
  const status = alert.status;
  const since = alert.firedAt ?? alert.startedAt;
  return el('li', { class: `alert status-${status}`, title: STATUS_LABELS[status] ?? status, dataset: { status } }, [
    el('div', { class: 'alert-head' }, [
      // dimsLabel (HepB 第3剂 2025年出生队列) keeps a disaggregated indicator's cells apart.
      el('span', { class: 'alert-cell', textContent: alert.dimsLabel || (alert.kind === 'feed_stale' ? '' : '全部') }),
      since ? el('time', { dateTime: since, textContent: new Date(since).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' }) }) : null,
    ]),
    def && alert.actual !== null
      ? el('div', {
          class: 'alert-value',
          textContent: `${formatValue(alert.actual, def.unit)}${alert.expected !== null ? ` / 目标 ${formatValue(alert.expected, def.unit)}` : ''}`,
        })
      : status === 'insufficient_data'
        ? el('div', { class: 'alert-value', textContent: STATUS_LABELS.insufficient_data })
        : null,
  ]);
}
