import { ApiError, createApi } from './api.js';
import { showAlerts } from './alerts.js';
import { showEpidemic } from './epidemic.js';
import { createCharts } from './charts.js';
import { el, fill } from './dom.js';
import { createLive, debounce } from './live.js';
import { currentYear, periodChoices } from './periods.js';
import { takeToken } from './session.js';
import { RegionView } from './view.js';

/** Pushed values come in bursts (one event moves several indicators): refresh charts once it settles. */
const REFRESH_AFTER_MS = 1500;
const ALERTS_EVERY_MS = 60_000;

const $ = (id) => document.getElementById(id);

async function main() {
  const token = takeToken();
  if (!token) throw new Error('缺少访问令牌：请使用带 ?token= 的链接打开驾驶舱 (open the dashboard with ?token=…)');
  const api = createApi(token);
  const period = currentYear();
  const [catalogue, scope] = await Promise.all([api.catalogue(), api.scope(period)]);
  const refreshSoon = debounce(() => {
    view.refresh().catch(report);
    refreshAlerts();
  }, REFRESH_AFTER_MS);
  const live = createLive(api.streamUrl, {
    onValue: (value) => view.applyLive(value) && refreshSoon(),
    onState: showLiveState,
  });
  const view = new RegionView({
    onCells: (cells) => live.subscribe(cells),
    api,
    catalogue,
    scope,
    period,
    charts: createCharts($('ranking-chart'), $('series-chart')),
    page: {
      title: $('title'),
      crumbs: $('crumbs'),
      updated: $('updated'),
      toolbar: $('toolbar'),
      grid: $('grid'),
      gridTitle: $('grid-title'),
      rankingTitle: $('ranking-title'),
      seriesTitle: $('series-title'),
    },
  });

  // The epidemic panel follows the page's region, and refreshes with the alerts (its colours are theirs).
  let shownRegion = scope;
  const refreshAlerts = () => {
    showAlerts($('alerts'), api, view);
    showEpidemic($('epidemic'), $('epidemic-window'), api, shownRegion);
  };

  setUpPeriodPicker($('period'), period, (chosen) => {
    clearReport();
    view.setPeriod(chosen).catch(report);
  });
  // Pages are addressed by the hash (#/region/610921), so back and forward move between them without a reload.
  // A new page starts without the last one's error (a 403 on a neighbour's county ends when going back).
  const openFromHash = () => {
    clearReport();
    shownRegion = regionInHash() ?? scope;
    return view
      .open(shownRegion)
      .then(() => showEpidemic($('epidemic'), $('epidemic-window'), api, shownRegion))
      .catch(report);
  };
  window.addEventListener('hashchange', openFromHash);
  await openFromHash();
  refreshAlerts();
  setInterval(refreshAlerts, ALERTS_EVERY_MS);
}

function regionInHash() {
  return /^#\/region\/([A-Za-z0-9._-]+)$/.exec(window.location.hash)?.[1];
}

function setUpPeriodPicker(select, initial, onChange) {
  fill(
    select,
    periodChoices().map((group) =>
      el(
        'optgroup',
        { label: group.label },
        group.options.map((o) => el('option', { value: o.id, textContent: o.label })),
      ),
    ),
  );
  select.value = initial;
  select.addEventListener('change', () => onChange(select.value));
}

const LIVE_STATES = {
  live: ['live-on', '● 实时 Live'],
  reconnecting: ['live-off', '● 重连中 Reconnecting'],
  closed: ['live-off', '● 实时中断 Live stopped'],
  failed: ['live-failed', '● 未连接 Not connected'],
};

function showLiveState(state) {
  const [className, text] = LIVE_STATES[state];
  const badge = $('live');
  badge.className = `live ${className}`;
  badge.textContent = text;
}

/** Errors a bureau user can act on, in their words; anything else with its message. */
function report(error) {
  const messages = {
    401: '访问令牌无效或已撤销，请向管理员重新申请 (the token is invalid or revoked)',
    403: '该令牌无权查看此地区 (this token may not read that region)',
  };
  const banner = $('error');
  banner.textContent = (error instanceof ApiError && messages[error.status]) || error.message;
  banner.hidden = false;
}

function clearReport() {
  $('error').hidden = true;
}

/** The page could not start (no token, a bad one, the API away): nothing is loading any more, and it says so. */
function stopWaiting() {
  showLiveState('failed');
  fill($('alerts'), el('li', { class: 'muted', textContent: '未能加载 (not loaded)' }));
}

main().catch((error) => {
  report(error);
  stopWaiting();
});
