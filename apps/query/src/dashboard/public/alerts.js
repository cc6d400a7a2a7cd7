import { el, fill } from './dom.js';
import { formatValue, STATUS_LABELS } from './format.js';

/**
 * The firing alerts (三色预警). The alert shape comes from the alerting service, still being built:
 * fields are read defensively and anything missing is left out rather than guessed.
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
  const status = alert.status ?? alert.severity ?? 'red';
  const since = alert.firedAt ?? alert.since ?? alert.startedAt;
  return el('li', { class: `alert status-${status}`, title: STATUS_LABELS[status] ?? status }, [
    el('div', { class: 'alert-head' }, [
      el('span', { class: 'alert-region', textContent: alert.regionName ?? nameOf(alert.region) }),
      since ? el('time', { dateTime: since, textContent: new Date(since).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' }) }) : null,
    ]),
    el('div', { class: 'alert-indicator', textContent: def ? def.name : alert.indicator }),
    def && alert.value !== undefined
      ? el('div', { class: 'alert-value', textContent: `${formatValue(alert.value, def.unit)}${alert.target !== undefined && alert.target !== null ? ` / 目标 ${formatValue(alert.target, def.unit)}` : ''}` })
      : null,
  ]);
}
