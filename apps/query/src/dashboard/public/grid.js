import { el, fill } from './dom.js';
import { describeValue, formatValue } from './format.js';

const STATUS_CLASSES = ['green', 'yellow', 'red', 'insufficient_data', 'none'].map((status) => `status-${status}`);

/**
 * Renders rows (the region's own total first, then what lies under it) × indicator columns, with
 * placeholder cells: values arrive per column as requests answer, and later from the live stream.
 * Each cell is addressed by indicator, level and region, as stream values are.
 */
export function renderGrid(table, { columns, rows, onPick }) {
  const header = el('tr', {}, [
    el('th', { class: 'corner', textContent: '地区 / 机构' }),
    ...columns.map((def) =>
      el('th', { class: 'col', scope: 'col', title: def.definition, dataset: { indicator: def.code }, onclick: () => onPick(def.code) }, [
        el('span', { class: 'zh', textContent: def.name }),
        el('span', { class: 'en', textContent: def.nameEn }),
      ]),
    ),
  ]);
  const body = rows.map((row) =>
    el('tr', { class: row.total ? 'total' : '', dataset: { region: row.region, care: row.care ?? '' } }, [
      el(
        'th',
        { scope: 'row' },
        row.openable
          ? el('a', { href: `#/region/${encodeURIComponent(row.region)}`, textContent: row.name, title: '打开 Open' })
          : el('span', { textContent: row.name, title: row.region }),
      ),
      ...columns.map((def) =>
        el('td', {
          class: 'cell status-none',
          textContent: '…',
          dataset: { indicator: def.code, level: row.level, region: row.region },
          onclick: () => onPick(def.code, row.region),
        }),
      ),
    ]),
  );
  fill(table, [el('thead', {}, header), el('tbody', {}, body)]);
}

/** The cell of one indicator × region at one level, if it is on screen. */
export function cellOf(table, indicator, level, region) {
  const key = (name, value) => `[data-${name}="${CSS.escape(value)}"]`;
  return table.querySelector(`td${key('indicator', indicator)}${key('level', level)}${key('region', region)}`);
}

/** Cells of one column at one level (to mark them when their request failed). */
export function cellsOf(table, indicator, level) {
  return [...table.querySelectorAll(`td[data-indicator="${CSS.escape(indicator)}"][data-level="${CSS.escape(level)}"]`)];
}

/** Shows a value (a values row or a streamed cell, both with target and status) in its cell. */
export function showValue(td, def, row) {
  const status = row.status ?? td.dataset.status ?? 'none';
  const name = row.name ?? td.parentElement.firstElementChild.textContent;
  td.textContent = formatValue(row.value, def.unit);
  td.title = describeValue(def, { ...row, name, status });
  td.dataset.status = status;
  td.classList.remove(...STATUS_CLASSES);
  td.classList.add(`status-${status}`);
  td.classList.toggle('empty', row.value === null);
}

export function showUnavailable(td, message) {
  td.textContent = '×';
  td.title = `读取失败 Could not read: ${message}`;
  td.classList.add('empty');
}

/** A brief highlight of a cell that changed live; restarted when it changes again meanwhile. */
export function flash(td) {
  td.classList.remove('flash');
  void td.offsetWidth; // restart the CSS animation
  td.classList.add('flash');
}

/** Marks the indicator (column) and the row the charts currently show. */
export function markSelection(table, indicator, region) {
  for (const th of table.querySelectorAll('th.col')) th.classList.toggle('selected', th.dataset.indicator === indicator);
  for (const tr of table.querySelectorAll('tbody tr')) tr.classList.toggle('selected', tr.dataset.region === region);
}

/** Shows only institution rows whose care level passes `test` (the total row always stays). */
export function filterRows(table, test) {
  for (const tr of table.querySelectorAll('tbody tr:not(.total)')) tr.hidden = !test(Number(tr.dataset.care));
}
