import { el, fill } from './dom.js';
import { cellOf, cellsOf, filterRows, flash, markSelection, renderGrid, showUnavailable, showValue } from './grid.js';
import { CARE_FILTERS, CHILD_LEVEL, columnsFor } from './indicators.js';
import { monthsOfYear } from './periods.js';

/**
 * One region's page: the grid of what lies under it × indicators, the ranking of the selected
 * indicator and the monthly series of the selected row. A city's page is the overview (counties);
 * a county's page lists its institutions.
 */
export class RegionView {
  constructor({ api, catalogue, charts, page, scope, period, onCells }) {
    this.api = api;
    this.onCells = onCells;
    this.charts = charts;
    this.page = page;
    this.scope = scope;
    this.period = period;
    this.definitions = new Map(catalogue.map((def) => [def.code, def]));
    this.catalogue = catalogue;
    /** code → { name, parentCode } of every region seen, for breadcrumbs and alert names. */
    this.places = new Map();
    // Responses of an older request (another period, another page) must not overwrite newer ones.
    this.gridRun = 0;
    this.chartRun = 0;
  }

  nameOf = (code) => this.places.get(code)?.name ?? code;
  definitionOf = (code) => this.definitions.get(code);

  async open(code) {
    const info = await this.api.region(code);
    this.region = info;
    this.rowLevel = CHILD_LEVEL[info.level] ?? info.level;
    this.places.set(info.code, { name: info.name, parentCode: info.parentCode });
    const rows = [{ region: info.code, name: `${info.name}（合计）`, level: info.level, total: true }, ...this.rowsUnder(info)];
    this.rowRegions = new Set(rows.map((row) => row.region));
    this.columns = columnsFor(this.catalogue, this.rowLevel);
    if (!this.columns.some((def) => def.code === this.indicator)) this.indicator = this.columns[0]?.code;
    this.seriesRegion = info.code;

    this.page.title.textContent = `${info.name} · 数字驾驶舱`;
    this.renderCrumbs();
    this.renderCareFilter();
    renderGrid(this.page.grid, { columns: this.columns, rows, onPick: (indicator, region) => this.pick(indicator, region) });
    this.page.gridTitle.textContent = this.rowLevel === 'institution' ? '机构指标一览 Institutions' : '辖区指标一览 Regions';
    markSelection(this.page.grid, this.indicator, this.seriesRegion);
    this.onCells(this.shownCells());
    await this.refresh();
  }

  setPeriod(period) {
    this.period = period;
    this.onCells(this.shownCells());
    return this.refresh();
  }

  /** What the grid shows, as the stream subscribes to it: per column, the rows under the region and its own total. */
  shownCells() {
    const { code, level } = this.region;
    return this.columns.flatMap((def) => [
      { indicator: def.code, period: this.period, region: code, level: this.rowLevel },
      ...(this.rowLevel === level ? [] : [{ indicator: def.code, period: this.period, region: code }]),
    ]);
  }

  refresh() {
    return Promise.all([this.loadGrid(), this.loadCharts()]).then(() => {
      this.page.updated.textContent = `更新于 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`;
    });
  }

  /**
   * A cell pushed by the stream (value, target, status): shown at once if it is on screen for the
   * chosen period. Returns whether the page shows it (then a debounced refresh brings the charts along).
   */
  applyLive(value) {
    if (!this.region || value.dims !== '') return false;
    const def = this.definitions.get(value.indicator);
    const cell = def && value.period === this.period ? cellOf(this.page.grid, value.indicator, value.level, value.region) : null;
    if (cell) {
      showValue(cell, def, value);
      flash(cell);
    }
    return cell !== null || (value.indicator === this.indicator && this.rowRegions.has(value.region));
  }

  rowsUnder(info) {
    if (info.level === 'county') {
      return (info.institutions ?? []).map((institution) => {
        this.places.set(institution.id, { name: institution.name, parentCode: info.code });
        return { region: institution.id, name: institution.name, level: 'institution', care: institution.level };
      });
    }
    return (info.children ?? []).map((child) => {
      this.places.set(child.code, { name: child.name, parentCode: info.code });
      return { region: child.code, name: child.name, level: child.level, openable: true };
    });
  }

  async loadGrid() {
    const run = ++this.gridRun;
    const { code } = this.region;
    await Promise.all(
      this.columns.map(async (def) => {
        const reads = [
          [this.rowLevel, this.api.values(def.code, { period: this.period, region: code, level: this.rowLevel })],
          [this.region.level, this.api.values(def.code, { period: this.period, region: code })],
        ];
        for (const [level, read] of reads) {
          const result = await read.then(
            (rows) => ({ rows }),
            (error) => ({ error }),
          );
          if (run !== this.gridRun) return;
          if (result.error) for (const cell of cellsOf(this.page.grid, def.code, level)) showUnavailable(cell, result.error.message);
          else
            for (const row of result.rows) {
              const cell = cellOf(this.page.grid, def.code, row.level, row.region);
              if (cell) showValue(cell, def, row);
            }
        }
      }),
    );
  }

  async loadCharts() {
    const run = ++this.chartRun;
    const def = this.definitions.get(this.indicator);
    if (!def) return;
    const { from, to } = monthsOfYear(this.period);
    const [ranking, series] = await Promise.all([
      this.api.ranking(def.code, { period: this.period, region: this.region.code, level: this.rowLevel }).catch(() => []),
      this.api.series(def.code, { region: this.seriesRegion, from, to }).catch(() => []),
    ]);
    if (run !== this.chartRun) return;
    // Regions on fewer cases than the minimum are not ranked (one visit at 100% is not the best): say how many.
    const unranked = ranking.filter((row) => row.belowMinimum).length;
    this.page.rankingTitle.textContent = `${def.name} · 排名 Ranking${unranked > 0 ? `（${unranked}个样本不足未排名 ${unranked} below minimum）` : ''}`;
    this.page.seriesTitle.textContent = `${this.nameOf(this.seriesRegion)} · ${def.name} · ${from.slice(0, 4)}年月度趋势 Monthly`;
    this.charts.showRanking(
      def,
      ranking.filter((row) => !row.belowMinimum),
    );
    this.charts.showSeries(def, series);
  }

  /** A column header picks the charts' indicator; a cell also picks its row for the series. */
  pick(indicator, region) {
    this.indicator = indicator;
    if (region) this.seriesRegion = region;
    markSelection(this.page.grid, this.indicator, this.seriesRegion);
    return this.loadCharts();
  }

  /** Scope › … › this region: the way back up (the browser's back button works too). */
  renderCrumbs() {
    const trail = [];
    for (let code = this.region.code; code; code = code === this.scope ? undefined : this.places.get(code)?.parentCode) {
      trail.unshift(code);
    }
    fill(
      this.page.crumbs,
      trail.flatMap((code, i) => {
        const last = i === trail.length - 1;
        const crumb = last
          ? el('span', { class: 'here', textContent: this.nameOf(code) })
          : el('a', { href: `#/region/${code}`, textContent: this.nameOf(code) });
        return last ? [crumb] : [crumb, el('span', { class: 'sep', textContent: '›' })];
      }),
    );
  }

  /** A county has 100+ institutions: filter them by level of care. */
  renderCareFilter() {
    if (this.rowLevel !== 'institution') return fill(this.page.toolbar, []);
    const select = el(
      'select',
      { ariaLabel: '机构类型 Institution type', onchange: () => filterRows(this.page.grid, CARE_FILTERS[select.selectedIndex].test) },
      CARE_FILTERS.map((filter) => el('option', { value: filter.id, textContent: filter.label })),
    );
    fill(this.page.toolbar, select);
  }
}
