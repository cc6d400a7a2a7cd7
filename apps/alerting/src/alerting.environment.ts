import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, Matches, Max, Min, registerDecorator, ValidationArguments } from 'class-validator';
import { BaseEnvironment, DEVELOPMENT_ADMIN_TOKEN, Secret, ToBoolean } from '@lib/config';
import { possibleWindows, redPercentile, unknownDiseases } from './surveillance/outbreak-settings';

const seconds = () => [Type(() => Number), IsInt(), Min(0)];
function Seconds(): PropertyDecorator {
  return (target, key) => seconds().forEach((decorate) => decorate(target, key));
}

/** Variables of the alerting app (see .env.example and docs/alerting.md). */
export class AlertingEnvironment extends BaseEnvironment {
  override PORT: number = 3004;

  /** Operator's token for targets, silences, webhooks and acknowledgements. */
  @Secret()
  ADMIN_TOKEN = DEVELOPMENT_ADMIN_TOKEN;

  /** Period granularities judged against yearly targets (comma-separated: year, quarter, month). */
  @Matches(/^(year|quarter|month|day)(,(year|quarter|month|day))*$/)
  ALERT_GRANULARITIES = 'year';

  /** How long a region must stay red before a pending alert fires (Prometheus' `for`). */
  @Seconds()
  ALERT_FOR_SECONDS: number = 600;

  /** Red fires at once, without waiting ALERT_FOR_SECONDS. */
  @ToBoolean()
  @IsBoolean()
  ALERT_RED_FIRES_IMMEDIATELY: boolean = false;

  /** How long a region may stay yellow before that fires too ("stays yellow too long"); 0 = yellow never fires. */
  @Seconds()
  ALERT_YELLOW_FOR_SECONDS: number = 7 * 24 * 3600;

  /** A firing, unacknowledged alert is sent again after this long. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  ALERT_REPEAT_INTERVAL_SECONDS: number = 24 * 3600;

  /** A firing, unacknowledged alert goes to the bureau above (county → city) after this long; 0 = never. */
  @Seconds()
  ALERT_ESCALATE_AFTER_SECONDS: number = 3 * 24 * 3600;

  /**
   * What ALERT_ESCALATE_AFTER_SECONDS counts: `working_days` — only time on working days (Monday–Friday,
   * holidays off, 调休 Saturdays on, from the working calendar), so three days are three working days —
   * or `all_days`.
   */
  @IsIn(['working_days', 'all_days'])
  ALERT_ESCALATE_ON: 'working_days' | 'all_days' = 'working_days';

  /**
   * Hysteresis: an open alert ends at once only when its value is back past the target by this share of
   * the target's tolerance (0.5 × a 2 pp band = 1 pp); 0 = as soon as it is green.
   */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(10)
  ALERT_RESOLVE_MARGIN_SHARE: number = 0.5;

  /** ...or once it has stayed green (on track, inside the margin) this long without a break. */
  @Seconds()
  ALERT_RESOLVE_AFTER_SECONDS: number = 3600;

  /** Hold-down: after an alert of a cell ends, the cell opens no new alert for this long; 0 = off. */
  @Seconds()
  ALERT_HOLD_DOWN_SECONDS: number = 6 * 3600;

  /** The clock: how often every target of the current year is judged again (time alone moves pro-rata targets). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  ALERT_EVALUATION_INTERVAL_SECONDS: number = 60;

  /** An institution silent for this many working hours raises a feed-stale alert; 0 = off. */
  @Type(() => Number)
  @Min(0)
  FEED_STALE_AFTER_WORKING_HOURS: number = 4;

  /** Working hours (CST), HH:MM-HH:MM, of the working days (FEED_WORKING_DAYS and the working calendar). */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/)
  FEED_WORKING_HOURS = '08:00-18:00';

  /** Weekdays institutions work (CST), ISO 1 (Mon) .. 7 (Sun), comma-separated; the working calendar's holidays and 调休 days apply on top. */
  @Matches(/^[1-7](,[1-7])*$/)
  FEED_WORKING_DAYS = '1,2,3,4,5';

  /** What a stale feed does to its county's indicator alerts: `annotate` says so in them, `hold` keeps them from firing. */
  @IsIn(['annotate', 'hold'])
  FEED_STALE_MODE: 'annotate' | 'hold' = 'annotate';

  /** Deliveries of one notification before it goes to the dead-letter list. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  /** First retry delay; doubles each attempt up to WEBHOOK_BACKOFF_MAX_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  WEBHOOK_BACKOFF_BASE_MS: number = 2000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  WEBHOOK_BACKOFF_MAX_MS: number = 15 * 60 * 1000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS: number = 5000;

  /** How often the outbox is swept for due retries (new notifications are sent at once). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_INTERVAL_MS: number = 500;

  /** Outbox rows one sweep claims: topic rows go in one producer call, webhook rows as that many requests at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 100;

  // --- Outbreak detection (疫情预警, docs/surveillance.md); the defaults are China's early-warning system's.

  /**
   * Diseases (codes of the notifiable list, comma-separated) red at their first case like 甲类 and
   * 乙类甲管 (固定阈值法), e.g. `polio,diphtheria`; empty = those two classes only.
   */
  @Matches(/^\s*([a-z0-9_]+(\s*,\s*[a-z0-9_]+)*)?\s*$/, { message: 'OUTBREAK_LISTED_DISEASES must be disease codes separated by commas' })
  @Satisfies((value: string) => unknownDiseases(value).length === 0, (value: string) => `not on the notifiable list: ${unknownDiseases(value).join(', ')}`)
  OUTBREAK_LISTED_DISEASES = '';

  /** Moving percentile: a 7-day count above this percentile of its history is yellow. */
  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  @Max(0.99)
  OUTBREAK_YELLOW_PERCENTILE: number = 0.8;

  /** Moving percentile: above this is red; `max` = above the history's maximum, or a percentile above OUTBREAK_YELLOW_PERCENTILE (0.95). */
  @Matches(/^(max|0\.\d+|1(\.0+)?)$/, { message: 'OUTBREAK_RED_PERCENTILE must be `max` or a percentile as a share (0.95)' })
  @Satisfies(
    (value: string, env: AlertingEnvironment) => value === 'max' || redPercentile(value)! > env.OUTBREAK_YELLOW_PERCENTILE,
    () => 'OUTBREAK_RED_PERCENTILE must be above OUTBREAK_YELLOW_PERCENTILE',
  )
  OUTBREAK_RED_PERCENTILE = 'max';

  /** Moving percentile: a window with fewer cases never signals (small numbers are noise). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBREAK_MIN_COUNT: number = 3;

  /** Moving percentile: years of history (the same windows of each). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  OUTBREAK_BASELINE_YEARS: number = 3;

  /** Moving percentile: windows a week apart either side of each year's same window (2: five a year). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4)
  OUTBREAK_NEIGHBOUR_WEEKS: number = 2;

  /** Moving percentile: fewer historical windows with data than this and EARS judges instead. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Satisfies(
    (value: number, env: AlertingEnvironment) => value <= possibleWindows(env.OUTBREAK_BASELINE_YEARS, env.OUTBREAK_NEIGHBOUR_WEEKS),
    () => 'OUTBREAK_MIN_HISTORY must not exceed the windows a baseline has: OUTBREAK_BASELINE_YEARS × (2 × OUTBREAK_NEIGHBOUR_WEEKS + 1)',
  )
  OUTBREAK_MIN_HISTORY: number = 10;

  /** EARS: the floor of the baseline's standard deviation (a baseline of zeros does not divide by zero). */
  @Type(() => Number)
  @IsNumber()
  @Min(0.01)
  @Max(100)
  OUTBREAK_EARS_MIN_SIGMA: number = 0.5;

  /** EARS: the C1, C2, C3 statistics signal above these thresholds. */
  @Matches(/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/, { message: 'OUTBREAK_EARS_THRESHOLDS must be three numbers: C1,C2,C3 (3,3,2)' })
  OUTBREAK_EARS_THRESHOLDS = '3,3,2';

  /** EARS: a day with fewer cases never signals. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBREAK_EARS_MIN_COUNT: number = 2;
}

/** A check of one variable that may read the others (they are already converted). */
function Satisfies<V>(check: (value: V, env: AlertingEnvironment) => boolean, message: (value: V) => string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => check(value as V, args.object as AlertingEnvironment),
        defaultMessage: (args?: ValidationArguments) => message(args?.value as V),
      },
    });
}
