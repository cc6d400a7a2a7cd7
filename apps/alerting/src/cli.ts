/**
 * Operator commands of the alerting app, straight against PostgreSQL (no running app needed):
 *   node dist/apps/alerting/src/cli.js seed-targets --year 2026
 *     loads the source documents' targets as `default:county` targets of that year (idempotent);
 *   node dist/apps/alerting/src/cli.js calendar-import --file calendar-2027.json
 *     replaces a year's holidays and make-up working days (调休) from the State Council's notice, checked as
 *     PUT /v1/working-calendar/{year} checks them: `{ "year", "status", "source", "days": [{ "date", "kind", "name" }] }`;
 *   node dist/apps/alerting/src/cli.js calendar-show [--year 2027]
 *     prints the years loaded, or one year's days.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Pool } from 'pg';
import { validateEnvironment } from '@lib/config';
import { ApiError } from '@lib/platform';
import { TargetsRepository } from '@lib/targets-store';
import { AlertingEnvironment } from './alerting.environment';
import { CalendarYearDto } from './calendar/working-calendar.dto';
import { WorkingCalendarRepository } from './calendar/working-calendar.repository';
import { WorkingCalendarService } from './calendar/working-calendar.service';
import { demoTargets } from './targets/demo-targets';

const USAGE = 'usage: cli.js seed-targets --year <yyyy> | calendar-import --file <calendar.json> | calendar-show [--year <yyyy>]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function yearOf(text: string | undefined, name = '--year'): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`${name} must be a year, got ${text}`);
  return year;
}

async function seedTargets(pool: Pool, args: string[]): Promise<void> {
  const year = args.includes('--year') ? yearOf(option(args, 'year')) : new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  const stored = await new TargetsRepository(pool).upsert(demoTargets(year));
  process.stdout.write(`${stored} demo targets stored for ${year} (default:county)\n`);
}

async function calendarImport(pool: Pool, args: string[]): Promise<void> {
  const file = option(args, 'file');
  if (!file) throw new Error(USAGE);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { year?: unknown };
  const year = yearOf(String(json.year), 'year');
  const body = plainToInstance(CalendarYearDto, json);
  const shapeErrors = validateSync(body, { whitelist: true, forbidUnknownValues: true }).flatMap(function flatten(e): string[] {
    return [...Object.values(e.constraints ?? {}), ...(e.children ?? []).flatMap(flatten).map((m) => `${e.property}.${m}`)];
  });
  if (shapeErrors.length > 0) throw new Error(`${file} is not a calendar year:\n  ${shapeErrors.join('\n  ')}`);
  try {
    const stored = await new WorkingCalendarService(new WorkingCalendarRepository(pool)).replaceYear(year, body);
    process.stdout.write(`${year} (${stored.status}): ${stored.holidays} holidays, ${stored.workdays} make-up working days stored\n`);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'invalid_calendar')) throw error;
    const { errors } = error.getResponse() as { errors?: { path: string; message: string }[] };
    throw new Error(`${file} was not loaded:\n  ${(errors ?? []).map((e) => `${e.path}: ${e.message}`).join('\n  ') || error.message}`, { cause: error });
  }
}

async function calendarShow(pool: Pool, args: string[]): Promise<void> {
  const repository = new WorkingCalendarRepository(pool);
  if (!args.includes('--year')) {
    for (const y of await repository.years())
      process.stdout.write(`${y.year}  ${y.status.padEnd(11)} ${y.holidays} holidays, ${y.workdays} make-up days  ${y.source}\n`);
    return;
  }
  for (const d of await repository.daysOf(yearOf(option(args, 'year')))) process.stdout.write(`${d.date}  ${d.kind.padEnd(7)}  ${d.name}\n`);
}

const COMMANDS: Record<string, (pool: Pool, args: string[]) => Promise<void>> = {
  'seed-targets': seedTargets,
  'calendar-import': calendarImport,
  'calendar-show': calendarShow,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const run = COMMANDS[command];
  if (!run) throw new Error(USAGE);
  const env = validateEnvironment(AlertingEnvironment, process.env);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
  try {
    await run(pool, rest);
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
