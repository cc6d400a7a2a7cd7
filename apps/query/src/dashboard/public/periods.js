/** DHIS2 period ids in China Standard Time, as the API computes them (CONTRACT.md). */
const CST_OFFSET_MS = 8 * 3600_000;
const pad = (n) => String(n).padStart(2, '0');

/** Today's year and month in CST, whatever the browser's own time zone. */
function cstToday() {
  const shifted = new Date(Date.now() + CST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}

export function currentYear() {
  return String(cstToday().year);
}

/** The period picker's groups, newest first: years (the current one is year-to-date), quarters, months. */
export function periodChoices() {
  const { year, month } = cstToday();
  const years = [year, year - 1, year - 2].map((y) => ({ id: String(y), label: y === year ? `${y}年（累计至今 YTD）` : `${y}年` }));
  const quarters = [];
  for (let y = year, q = Math.ceil(month / 3); quarters.length < 6; q === 1 ? ((q = 4), y--) : q--) {
    quarters.push({ id: `${y}Q${q}`, label: `${y}年 第${q}季度` });
  }
  const months = [];
  for (let y = year, m = month; months.length < 12; m === 1 ? ((m = 12), y--) : m--) {
    months.push({ id: `${y}${pad(m)}`, label: `${y}年${m}月` });
  }
  return [
    { label: '年度 Year', options: years },
    { label: '季度 Quarter', options: quarters },
    { label: '月度 Month', options: months },
  ];
}

/** The monthly series of a period's year: January to this month, or to December for a past year. */
export function monthsOfYear(period) {
  const year = Number(period.slice(0, 4));
  const today = cstToday();
  const last = year < today.year ? 12 : today.month;
  return { from: `${year}01`, to: `${year}${pad(last)}` };
}

/** `202403` → `3月` (axis labels of a monthly series). */
export function monthLabel(period) {
  return `${Number(period.slice(4, 6))}月`;
}
