import { Pool } from 'pg';
import { ANKANG_CITY, ANKANG_COUNTIES, ankangDemo } from '@lib/registry';
import { PopulationsRepository } from '@lib/registry-store';
import type { AdminClient } from './admin-client';
import { readDemoCredentials, stillValid, writeDemoCredentials, type DemoCredentials } from './demo-credentials';

export interface SeedDemoOptions {
  credentialsFile: string;
  /** Where to write the demo populations; `undefined` skips them. */
  databaseUrl?: string;
  log: (message: string) => void;
}

export interface SeedDemoSummary {
  regions: number;
  institutions: number;
  populations: number;
  apiKeys: { reused: number; issued: number };
  bureauTokens: { reused: number; issued: number };
  credentialsFile: string;
}

const LABEL = 'seed-demo';

/** The city commission and each county bureau get a token. */
export const DEMO_BUREAU_REGIONS: readonly string[] = [ANKANG_CITY.code, ...ANKANG_COUNTIES.map((c) => c.code)];

/**
 * Loads the 安康 demo through the admin API and leaves its secrets in a file. Idempotent:
 * registration is an upsert by code and id, and saved secrets that still work are kept, so a
 * second run issues nothing new (a lost or revoked secret is replaced, the rest stay).
 */
export async function seedDemo(client: AdminClient, options: SeedDemoOptions): Promise<SeedDemoSummary> {
  const demo = ankangDemo();
  const { log } = options;
  await client.registerRegions(demo.regions);
  await client.registerSuperseded(demo.superseded);
  log(`regions: ${demo.regions.length} (${demo.superseded.length} superseded code)`);
  await client.registerInstitutions(demo.institutions);
  log(`institutions: ${demo.institutions.length}`);

  // The query app will own PUT /v1/populations; until then the seed writes the table directly.
  if (options.databaseUrl) {
    await writePopulations(options.databaseUrl, demo.populations);
    log(`populations: ${demo.populations.length} rows`);
  }

  const saved = readDemoCredentials(options.credentialsFile) ?? { institutions: {}, apiKeyIds: {}, bureaus: {} };
  const valid = await validSecrets(client, saved);
  const credentials: DemoCredentials = { institutions: { ...valid.institutions }, apiKeyIds: { ...valid.apiKeyIds }, bureaus: { ...valid.bureaus } };

  const missingKeys = demo.institutions.map((i) => i.id).filter((id) => !credentials.institutions[id]);
  for (const issued of await client.issueApiKeys(missingKeys.map((institutionId) => ({ institutionId, label: LABEL })))) {
    credentials.institutions[issued.institutionId] = issued.key;
    credentials.apiKeyIds[issued.institutionId] = issued.id;
  }
  const missingTokens = DEMO_BUREAU_REGIONS.filter((region) => !credentials.bureaus[region]);
  for (const region of missingTokens) credentials.bureaus[region] = (await client.issueBureauToken(region, LABEL)).token;
  writeDemoCredentials(options.credentialsFile, credentials);
  log(`credentials: ${missingKeys.length} API keys and ${missingTokens.length} bureau tokens issued, the rest reused → ${options.credentialsFile}`);

  return {
    regions: demo.regions.length,
    institutions: demo.institutions.length,
    populations: options.databaseUrl ? demo.populations.length : 0,
    apiKeys: { reused: Object.keys(valid.institutions).length, issued: missingKeys.length },
    bureauTokens: { reused: Object.keys(valid.bureaus).length, issued: missingTokens.length },
    credentialsFile: options.credentialsFile,
  };
}

/** The saved secrets that still work, with the ids of the API keys as the registry has them (a file written before ids were saved gets them). */
async function validSecrets(client: AdminClient, saved: DemoCredentials): Promise<DemoCredentials> {
  const owners = await client.verify(Object.values(saved.institutions), Object.values(saved.bureaus));
  const institutions = stillValid(saved.institutions, owners.apiKeys);
  const keyIds = Object.fromEntries(Object.keys(saved.institutions).map((institutionId, i) => [institutionId, owners.apiKeyIds[i]]));
  const apiKeyIds = Object.fromEntries(Object.keys(institutions).map((institutionId) => [institutionId, keyIds[institutionId] as string]));
  return { institutions, apiKeyIds, bureaus: stillValid(saved.bureaus, owners.bureauTokens) };
}

async function writePopulations(databaseUrl: string, rows: Parameters<PopulationsRepository['upsert']>[0]): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1, application_name: 'health-indicators-cli' });
  try {
    await new PopulationsRepository(pool).upsert(rows);
  } finally {
    await pool.end();
  }
}
