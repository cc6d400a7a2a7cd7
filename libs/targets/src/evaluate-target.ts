import type { IndicatorDefinition, IndicatorReading } from '@lib/indicators';
import { elapsedShareOf, parsePeriod } from '@lib/periods';
import { differenceInterval, wilsonInterval } from './intervals';
import { observe } from './observation';
import { Evaluation, Interval, Observation, ResolvedTarget, Status, Target, YearlyCountTarget } from './target.types';

/**
 * One cell judged: a reading of `def` (and the same period's a year earlier, for change rules) against
 * `target`, whose minimum defaults to the indicator's. The one entry point the query API and the
 * alerting app share, so a cell's colour and its alert always agree.
 */
export function judgeCell(def: IndicatorDefinition, target: Target, period: string, reading: IndicatorReading, previousYear: IndicatorReading | null, now: Date): Evaluation {
  return evaluateTarget({ ...target, minDenominator: target.minDenominator ?? def.minDenominator }, period, observe(def, reading, previousYear), now);
}

/**
 * Three-colour status (三色预警) of one observation against one target at `now`: green on track,
 * yellow short by no more than the tolerance, red behind — and only when the value rests on enough
 * cases (else `insufficient_data`) and, for a share, its 95% interval lies wholly short of the target
 * (else yellow, `uncertain`). Pure: the clock is an argument, so time alone (a pro-rata count falling
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

  if (observation.cases !== null && observation.cases < minimum) return notJudged('insufficient_data', 'small_denominator', actual);
  if (observation.baselineCases !== null && observation.baselineCases < minimum) return notJudged('insufficient_data', 'small_baseline', actual);

  let expected: number;
  let interval: Interval | undefined;
  if (rule.kind === 'threshold') {
    expected = rule.value;
    interval = observation.share ? wilsonInterval(observation.share) : undefined;
  } else {
    const previous = observation.previousYear;
    if (previous === null || previous.value === null) return notJudged('none', 'no_previous_year', actual);
    if (previous.cases !== null && previous.cases < minimum) return notJudged('insufficient_data', 'small_baseline', actual);
    expected = rule.unit === 'pp' ? previous.value + rule.delta : previous.value * (1 + rule.delta);
    if (rule.unit === 'pp' && observation.share && previous.share) {
      // The interval of this year's value given last year's noise too: last year + the change's interval.
      const change = differenceInterval(observation.share, previous.share);
      interval = { low: previous.value + change.low, high: previous.value + change.high };
    }
  }
  const gap = rule.comparator === '>=' ? actual - expected : expected - actual;
  const status = band(gap, target.tolerance);
  const result: Evaluation = { status, expected, actual, gap, ...(interval ? { interval } : {}) };
  if (status === 'red' && interval && reachesTarget(interval, expected, rule.comparator)) return { ...result, status: 'yellow', reason: 'uncertain' };
  return result;
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
  const p = parsePeriod(period);
  const yearEnd = p.end.getTime() <= now.getTime() ? p.end : now;
  const year = String(p.year);
  const elapsed = elapsedShareOf(year, yearEnd);
  if (elapsed <= 0) return null;
  const weights = rule.monthlyWeights;
  if (!weights || weights.length !== 12) return rule.count * elapsed;
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let due = 0;
  for (let month = 1; month <= 12; month++) {
    const id = `${year}${String(month).padStart(2, '0')}`;
    due += weights[month - 1] * elapsedShareOf(id, yearEnd);
  }
  return (rule.count * due) / total;
}

function notJudged(status: 'none' | 'insufficient_data', reason: Evaluation['reason'], actual: number | null = null, expected: number | null = null): Evaluation {
  return { status, expected, actual, gap: null, reason };
}
