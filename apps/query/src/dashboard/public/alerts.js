import { el, fill } from './dom.js';
import { formatValue, STATUS_LABELS } from './format.js';

/**
 * The firing alerts (三色预警) of the token's scope, as GET /v1/alerts returns them (AlertRecord of
 * libs/targets/src/store): indicator or stale-feed alerts with their status, actual and expected values.
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
  fill(list, alerts.map((alert) => alertItem(alert, definitionOf(alert.indicator), nameOf)));
}

function alertItem(alert, def, nameOf) {
  const status = alert.status;
  const since = alert.firedAt ?? alert.startedAt;
  if (alert.kind === 'feed_stale') {
    return el('li', { class: `alert status-${status}` }, [
      el('div', { class: 'alert-head' }, [el('span', { class: 'alert-region', textContent: nameOf(alert.region) })]),
      el('div', { class: 'alert-indicator', textContent: '数据上报中断 (feed stale)' }),
    ]);
  }
  return el('li', { class: `alert status-${status}`, title: STATUS_LABELS[status] ?? status }, [
    el('div', { class: 'alert-head' }, [
      el('span', { class: 'alert-region', textContent: nameOf(alert.region) }),
      since ? el('time', { dateTime: since, textContent: new Date(since).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' }) }) : null,
    ]),
    // dimsLabel (HepB 第3剂 2025年出生队列) keeps a disaggregated indicator's cells apart.
    el('div', { class: 'alert-indicator', textContent: `${def ? def.name : alert.indicator}${alert.dimsLabel ? ` · ${alert.dimsLabel}` : ''}` }),
    def && alert.actual !== null
      ? el('div', { class: 'alert-value', textContent: `${formatValue(alert.actual, def.unit)}${alert.expected !== null ? ` / 目标 ${formatValue(alert.expected, def.unit)}` : ''}` })
      : null,
  ]);
}
