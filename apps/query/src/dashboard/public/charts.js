import { chartScale, formatValue, STATUS_COLORS } from './format.js';
import { monthLabel } from './periods.js';

const TEXT = '#c6d3e8';
const MUTED = '#7f93b3';
const LINE = '#1d2e4d';
const ACCENT = '#3ea6ff';
/** Beyond this many bars (a county's 100+ institutions) the ranking shows the best that have a value. */
const MAX_BARS = 15;

const COMMON = {
  backgroundColor: 'transparent',
  textStyle: { color: TEXT, fontFamily: 'inherit' },
  // Respect the user's (or a kiosk's) reduced-motion setting; screenshots use it to catch a settled chart.
  animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  animationDuration: 400,
  // richText draws the tooltip on the canvas: the HTML tooltip would need inline styles, which the CSP forbids.
  tooltip: { trigger: 'axis', renderMode: 'richText', backgroundColor: '#0b1529', borderColor: LINE, textStyle: { color: TEXT } },
};

const noData = (empty) => ({
  show: empty,
  text: '暂无数据 No data',
  left: 'center',
  top: 'middle',
  textStyle: { color: MUTED, fontSize: 13, fontWeight: 'normal' },
});

const axisLabel = (suffix) => ({ color: MUTED, formatter: `{value}${suffix}` });

/** The page's two ECharts: the ranking of the rows and the monthly series of the selected row. */
export function createCharts(rankingElement, seriesElement) {
  const { echarts } = window;
  const ranking = echarts.init(rankingElement);
  const series = echarts.init(seriesElement);
  window.addEventListener('resize', () => {
    ranking.resize();
    series.resize();
  });

  return {
    /** Best at the top; bars coloured by 三色 status (blue while no target is set). */
    showRanking(def, rows) {
      const shown = (rows.length <= MAX_BARS ? rows : rows.filter((row) => row.value !== null).slice(0, MAX_BARS)).reverse();
      const { factor, suffix } = chartScale(def.unit);
      ranking.setOption(
        {
          ...COMMON,
          title: noData(shown.every((row) => row.value === null)),
          tooltip: { ...COMMON.tooltip, formatter: ([p]) => `${p.name}\n${formatValue(shown[p.dataIndex].value, def.unit)}` },
          grid: { left: 8, right: 64, top: 6, bottom: 4, containLabel: true },
          xAxis: { type: 'value', axisLabel: axisLabel(suffix), splitLine: { lineStyle: { color: LINE } } },
          yAxis: {
            type: 'category',
            data: shown.map((row) => row.name),
            axisLabel: { color: TEXT, fontSize: 12, width: 150, overflow: 'truncate' },
            axisLine: { lineStyle: { color: LINE } },
            axisTick: { show: false },
          },
          series: [
            {
              type: 'bar',
              barMaxWidth: 14,
              data: shown.map((row) => ({
                value: row.value === null ? null : row.value * factor,
                itemStyle: { color: STATUS_COLORS[row.status] ?? ACCENT, borderRadius: [0, 3, 3, 0] },
              })),
              label: { show: true, position: 'right', color: TEXT, formatter: (p) => formatValue(shown[p.dataIndex].value, def.unit) },
            },
          ],
        },
        true,
      );
    },

    /** One point per month; months without a value are gaps, not zeros. */
    showSeries(def, rows) {
      const { factor, suffix } = chartScale(def.unit);
      series.setOption(
        {
          ...COMMON,
          title: noData(rows.every((row) => row.value === null)),
          tooltip: { ...COMMON.tooltip, formatter: ([p]) => `${p.name}\n${formatValue(rows[p.dataIndex].value, def.unit)}` },
          grid: { left: 8, right: 20, top: 16, bottom: 4, containLabel: true },
          xAxis: {
            type: 'category',
            boundaryGap: false,
            data: rows.map((row) => monthLabel(row.period)),
            axisLabel: { color: MUTED },
            axisLine: { lineStyle: { color: LINE } },
          },
          yAxis: { type: 'value', axisLabel: axisLabel(suffix), splitLine: { lineStyle: { color: LINE } } },
          series: [
            {
              type: 'line',
              smooth: true,
              symbolSize: 6,
              lineStyle: { color: ACCENT, width: 2 },
              itemStyle: { color: ACCENT },
              areaStyle: {
                color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
                  { offset: 0, color: 'rgba(62,166,255,0.35)' },
                  { offset: 1, color: 'rgba(62,166,255,0)' },
                ]),
              },
              data: rows.map((row) => (row.value === null ? null : row.value * factor)),
            },
          ],
        },
        true,
      );
    },
  };
}
