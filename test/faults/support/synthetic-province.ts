import { Pool } from 'pg';
import { syntheticInstitutions } from '../../aggregator/support/synthetic-events';

/**
 * Registers the synthetic province of test/aggregator's load generator (two cities of five counties
 * and their institutions) so that ingest validates its events and the query API answers for it.
 */
export async function seedSyntheticProvince(pool: Pool, province: string): Promise<void> {
  const regions: { code: string; name: string; level: string; parent: string | null }[] = [
    { code: `${province}0000`, name: `省 ${province}`, level: 'province', parent: null },
  ];
  for (const city of ['01', '02']) {
    regions.push({ code: `${province}${city}00`, name: `市 ${province}${city}`, level: 'city', parent: `${province}0000` });
    for (const d of ['02', '03', '04', '05', '06'])
      regions.push({ code: `${province}${city}${d}`, name: `县 ${province}${city}${d}`, level: 'county', parent: `${province}${city}00` });
  }
  // One row at a time in level order: a region's parent must exist first.
  for (const r of regions) {
    await pool.query('INSERT INTO regions (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      r.code,
      r.name,
      r.level,
      r.parent,
    ]);
  }
  await pool.query(
    `INSERT INTO institutions (id, name, county, type, level, active)
     SELECT id, '机构 ' || id, county, type, level, true FROM jsonb_to_recordset($1::jsonb) AS i(id text, county text, type text, level smallint)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(syntheticInstitutions(province))],
  );
}
