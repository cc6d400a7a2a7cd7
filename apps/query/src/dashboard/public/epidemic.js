import { el, fill } from './dom.js';

const STATUS_TEXT = { red: '红色预警', yellow: '黄色预警', green: '无预警' };
const POSITION_TEXT = { above_red: '高于基线最大值', above_yellow: '高于基线P80', within: '在基线范围内' };
const METHOD_TEXT = { fixed_threshold: '固定阈值法', moving_percentile: '移动百分位数法', ears_c1: 'EARS C1', ears_c2: 'EARS C2', ears_c3: 'EARS C3' };

/** ↑ / ↓ / → of this week's cases against last week's. */
const trendOf = (cell) => (cell.cases > cell.previous ? '↑' : cell.cases < cell.previous ? '↓' : '→');

/**
 * 疫情三色预警一览 (GET /v1/surveillance/epidemic): counties × diseases, each square coloured by its open
 * outbreak alert, with the week's cases, the trend against last week, and a mark where the week lies
 * above the baseline band (▲ above the maximum, △ above P80). Counties without a case are left out.
 */
export async function showEpidemic(table, caption, api, region) {
  let panel;
  try {
    panel = await api.epidemic(region);
  } catch (error) {
    fill(table, el('tbody', {}, el('tr', {}, el('td', { class: 'muted', textContent: `疫情数据暂不可用 (unavailable: ${error.message})` }))));
    return;
  }
  caption.textContent = `近7天 ${dayText(panel.windowFrom)}—${dayText(panel.windowTo)}`;
  if (panel.cells.length === 0) {
    fill(table, el('tbody', {}, el('tr', {}, el('td', { class: 'no-alerts', textContent: '近12天无法定传染病报告 (no cases in the last 12 days)' }))));
    return;
  }
  const cellOf = new Map(panel.cells.map((c) => [`${c.region}|${c.disease}`, c]));
  const counties = panel.counties.filter((county) => panel.cells.some((c) => c.region === county.region));
  const header = el('tr', {}, [
    el('th', { class: 'corner', textContent: '地区 / 病种' }),
    ...panel.diseases.map((d) => el('th', { class: 'col', scope: 'col', textContent: d.name, title: d.code })),
  ]);
  const rows = counties.map((county) =>
    el('tr', { dataset: { region: county.region } }, [
      el('th', { scope: 'row', textContent: county.name }),
      ...panel.diseases.map((d) => square(cellOf.get(`${county.region}|${d.code}`), county, d)),
    ]),
  );
  fill(table, [el('thead', {}, header), el('tbody', {}, rows)]);
}

function square(cell, county, disease) {
  if (!cell) return el('td', { class: 'cell empty', textContent: '0', dataset: { region: county.region, disease: disease.code, status: 'green' } });
  const mark = cell.position === 'above_red' ? ' ▲' : cell.position === 'above_yellow' ? ' △' : '';
  const lines = [
    `${county.name} ${disease.name}：${STATUS_TEXT[cell.status]}${cell.alertState === 'pending' ? '（待确认）' : ''}`,
    `近7天 ${cell.cases} 例，前7天 ${cell.previous} 例`,
  ];
  if (cell.band) lines.push(`基线（历史同期）P80 ${round(cell.band.yellow)}、最大值 ${round(cell.band.red)}：${POSITION_TEXT[cell.position]}`);
  if (cell.method) lines.push(`判定方法 ${METHOD_TEXT[cell.method] ?? cell.method}`);
  return el('td', {
    class: `cell status-${cell.status}`,
    textContent: `${cell.cases} ${trendOf(cell)}${mark}`,
    title: lines.join('\n'),
    dataset: { region: cell.region, disease: cell.disease, status: cell.status, position: cell.position ?? '' },
  });
}

const round = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const dayText = (day) => `${Number(day.slice(4, 6))}月${Number(day.slice(6, 8))}日`;
