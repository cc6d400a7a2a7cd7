/** How values read in the grid, the charts and the alerts: one place, so they always agree. */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'ratio':
      return value.toFixed(2);
    case 'yuan':
      return `¥${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
    default:
      return value.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
  }
}

/** Charts plot percent values ×100 so that the axis reads 0–100 with a % suffix. */
export function chartScale(unit) {
  return unit === 'percent' ? { factor: 100, suffix: '%' } : { factor: 1, suffix: '' };
}

/** 三色预警 labels; `insufficient_data`: too few cases to judge; `none`: no target set (or no value). */
export const STATUS_LABELS = {
  green: '达标 On track',
  yellow: '关注 Watch',
  red: '落后 Behind',
  insufficient_data: '样本不足 Too few cases to judge',
  none: '未设目标 No target',
};

export const STATUS_COLORS = { green: '#22a861', yellow: '#e0a526', red: '#e0474c', insufficient_data: '#5b6577', none: '#3b82f6' };

/** The hover text of a cell: what a bureau analyst checks before quoting a figure. */
export function describeValue(def, row) {
  const lines = [`${def.name} ${def.nameEn}`, `${row.name ?? row.region}: ${formatValue(row.value, def.unit)}`];
  if (row.numerator !== null && row.numerator !== undefined && row.denominator !== null && row.denominator !== undefined) {
    lines.push(`分子/分母 ${row.numerator} / ${row.denominator}`);
  }
  if (row.target !== null && row.target !== undefined) lines.push(`目标 Target ${formatValue(row.target, def.unit)}`);
  if (row.status) lines.push(STATUS_LABELS[row.status] ?? row.status);
  if (row.asOf) lines.push(`更新于 ${new Date(row.asOf).toLocaleString('zh-CN')}`);
  return lines.join('\n');
}
