/**
 * Operator commands of the alerting app, straight against PostgreSQL (no running app needed):
 *   node dist/apps/alerting/src/cli.js seed-targets --year 2026
 * loads the source documents' targets as `default:county` targets of that year (idempotent).
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { validateEnvironment } from '@lib/config';
import { AlertingEnvironment } from './alerting.environment';
import { TargetsRepository } from '@lib/targets-store';
import { demoTargets } from './targets/demo-targets';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'seed-targets') throw new Error('usage: cli.js seed-targets --year <yyyy>');
  const yearArg = rest[rest.indexOf('--year') + 1];
  const year = rest.includes('--year') ? Number(yearArg) : new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`--year must be a year, got ${yearArg}`);
  const env = validateEnvironment(AlertingEnvironment, process.env);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
  try {
    const stored = await new TargetsRepository(pool).upsert(demoTargets(year));
    process.stdout.write(`${stored} demo targets stored for ${year} (default:county)\n`);
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
