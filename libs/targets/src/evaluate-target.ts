import type { IndicatorDefinition, IndicatorReading } from '@lib/indicators';
import { elapsedShareOf, parsePeriod, periodStart } from '@lib/periods';
import { differenceInterval, wilsonInterval } from './intervals';
import { observe, tooFewCases } from './observation';
import { Accrual, Evaluation, Interval, Observation, ResolvedTarget, Status, Target, YearlyCountTarget } from './target.types';

/**
 * One cell judged: a reading of `def` (and the same period's a year earlier, for change rules) against
 * `target`, whose minimum defaults to the indicator's. The one entry point the query API and the
 * alerting app share, so a cell's colour and its alert always agree.
 */
export function judgeCell(
  def: IndicatorDefinition,
  target: Target,
  period: string,
  reading: IndicatorReading,
  previousYear: IndicatorReading | null,
  now: Date,
): Evaluation {
  return evaluateTarget({ ...target, minDenominator: target.minDenominator ?? def.minDenominator }, period, observe(def, reading, previousYear), now);
}

/**
 * Three-colour status (三色预警) of one observation against one target at `now`: green on track,
 * yellow short by no more than the tolerance, red behind — and only when the value rests on enough
 * cases (else `insufficient_data`) and, for a share, its 95% interval lies wholly short of the target
 * (else yellow, `uncertain`). A value that accrues over the year is held to the share of its year-end
 * figure due at `now` (pace). Pure: the clock is an argument, so time alone (a pro-rata count falling
 * behind) is testable.
 */
export function evaluateTarget(target: ResolvedTarget, period: string, observation: Observation, now: Date): Evaluation {
  const { rule, minDenominator: minimum } = target;
  const actual = observation.value;
  if (actual === null) return notJudged('none', 'no_value');

  if (rule.kind === 'yearly_count') {
    const expected = proRataCount(rule, period, now);
    if (expected === null) return notJudged('none', 'not_started', actual);
    if (expected < minimum) return notJudged('insufficient_data', 'small_denominator', actual, expected);
    const gap = actual - expected;
    const status = gap >= 0 ? 'green' : gap >= -target.tolerance * expected ? 'yellow' : 'red';
    return { status, expected, actual, gap };
  }

  const tooFew = tooFewCases(observation, minimum);
  if (tooFew) return notJudged('insufficient_data', tooFew, actual);

  let yearEnd: number;
  if (rule.kind === 'threshold') yearEnd = rule.value;
  else {
    const previous = observation.previousYear;
    if (previous === null || previous.value === null) return notJudged('none', 'no_previous_year', actual);
    if (previous.cases !== null && previous.cases < minimum) return notJudged('insufficient_data', 'small_baseline', actual);
    yearEnd = rule.unit === 'pp' ? previous.value + rule.delta : previous.value * (1 + rule.delta);
  }

  const progress = observation.accrual && rule.pace !== 'year_end' ? progressOf(rule.monthlyWeights, period, observation.accrual, now) : undefined;
  if (progress === null) return notJudged('none', 'not_started', actual);
  const expected = yearEnd * (progress ?? 1);
  const tolerance = target.tolerance * (progress ?? 1);
  // Early in the year the due numerator is a handful of cases: too few to call anyone behind.
  if (progress !== undefined && observation.cases !== null && expected * observation.cases < minimum)
    return notJudged('insufficient_data', 'small_denominator', actual, expected);

  const interval = intervalOf(observation, rule.kind === 'change' && rule.unit === 'pp' && progress === undefined);
  const gap = rule.comparator === '>=' ? actual - expected : expected - actual;
  const status = band(gap, tolerance);
  const result: Evaluation = { status, expected, actual, gap, ...(interval ? { interval } : {}), ...(progress !== undefined ? { progress } : {}) };
  if (status === 'red' && interval && reachesTarget(interval, expected, rule.comparator)) return { ...result, status: 'yellow', reason: 'uncertain' };
  return result;
}

/**
 * The 95% interval of a share: Wilson's; for a change in points on last year's full value, the interval
 * of this year's value given last year's noise too (last year + Newcombe's interval of the change).
 */
function intervalOf(observation: Observation, changeInPoints: boolean): Interval | undefined {
  const { share, previousYear } = observation;
  if (!share) return undefined;
  if (!changeInPoints || !previousYear?.share || previousYear.value === null) return wilsonInterval(share);
  const change = differenceInterval(share, previousYear.share);
  return { low: previousYear.value + change.low, high: previousYear.value + change.high };
}

function band(gap: number, tolerance: number): Status {
  // A tiny epsilon keeps 0.95 reached as 0.95 (floating point) green, not yellow.
  if (gap >= -1e-12) return 'green';
  return gap >= -tolerance - 1e-12 ? 'yellow' : 'red';
}

/** Whether the target is still within the value's interval: then "behind" is not shown beyond doubt. */
function reachesTarget(interval: Interval, expected: number, comparator: '>=' | '<='): boolean {
  return comparator === '>=' ? interval.high >= expected : interval.low <= expected;
}

/**
 * The share of a yearly count due by `now` for a period of the target's year: the elapsed share of the
 * year's days (to the period's end, or to `now` while it runs), or with monthly weights, each month's
 * weight times its elapsed share.
 */
export function proRataCount(rule: YearlyCountTarget, period: string, now: Date): number | null {
  const share = progressOf(rule.monthlyWeights, period, 'year', now);
  return share === null ? null : rule.count * share;
}

/**
 * The share of a year's progress a reading of `period` covers at `now`: from the start of the year (or of
 * the period, for a value counted in the period) to the period's end, or to `now` while it runs. Even
 * days, or each month's weight times its elapsed share. null before anything is due.
 */
function progressOf(monthlyWeights: number[] | undefined, period: string, accrual: Accrual, now: Date): number | null {
  const p = parsePeriod(period);
  const to = p.end.getTime() <= now.getTime() ? p.end : now;
  const from = accrual === 'year' ? periodStart(String(p.year)) : p.start;
  if (to.getTime() <= from.getTime()) return null;
  const share = (at: Date) => yearShareAt(p.year, at, monthlyWeights);
  const [start, end] = [share(from), share(to)];
  return start === null || end === null || end - start <= 0 ? null : end - start;
}

function yearShareAt(year: number, at: Date, weights: number[] | undefined): number | null {
  if (!weights || weights.length !== 12) return elapsedShareOf(String(year), at);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let due = 0;
  for (let month = 1; month <= 12; month++) due += weights[month - 1] * elapsedShareOf(`${year}${String(month).padStart(2, '0')}`, at);
  return due / total;
}

function notJudged(
  status: 'none' | 'insufficient_data',
  reason: Evaluation['reason'],
  actual: number | null = null,
  expected: number | null = null,
): Evaluation {
  return { status, expected, actual, gap: null, reason };
}
