import { Client } from 'pg';

export interface BatchRecomputeResult {
  /** Latest event versions the recompute read (every event family: the scan is the job's cost). */
  events: number;
  seconds: number;
  /** Counter cells the recompute produced. */
  cells: number;
  /** Cells whose value differs from the aggregator's (indicator_counter_values); 0 keeps the comparison honest. */
  differing: number;
}

/**
 * What a nightly analytics job does (DHIS2's analytics tables): recompute indicator cells from the
 * stored events with one GROUP BY, here the two visit-share indicators counted per event with the
 * residence county as their base (county_visit_rate, county_inpatient_rate) at every level and
 * day and month, from the latest non-void version of each event in the ledger: the cells the
 * aggregator stores for them (their quarters and years are read as sums of months, by either).
 * Written by hand from their catalogue definitions, and checked against the aggregator's counters.
 */
const RECOMPUTE = `
  CREATE TEMP TABLE recomputed_counters AS
  WITH latest AS (
    SELECT DISTINCT ON (institution_id, event_id) payload FROM event_ledger
    ORDER BY institution_id, event_id, version DESC
  ), visits AS (
    SELECT payload->'person'->>'residenceRegion' AS county,
           payload->'person'->>'residenceRegion' = payload->'institution'->>'county' AS in_county,
           payload->>'action' = 'admission' AS admission,
           (payload->>'occurredAt')::timestamptz AT TIME ZONE 'Asia/Shanghai' AS local_at
    FROM latest
    WHERE payload->>'type' = 'visit' AND NOT (payload->>'voided')::boolean
      AND payload->>'action' IN ('outpatient', 'emergency', 'admission')
      AND payload->'person'->>'residenceRegion' ~ '^[0-9]{6}$'
  ), placed AS (
    SELECT r.level, r.region, p.period, v.in_county, v.admission
    FROM visits v
    CROSS JOIN LATERAL (VALUES ('county', v.county), ('city', left(v.county, 4) || '00'), ('province', left(v.county, 2) || '0000')) AS r(level, region)
    CROSS JOIN LATERAL (VALUES (to_char(v.local_at, 'YYYYMMDD')), (to_char(v.local_at, 'YYYYMM'))) AS p(period)
  ), summed AS (
    SELECT level, region, period,
           count(*) AS visits, count(*) FILTER (WHERE in_county) AS visits_in_county,
           count(*) FILTER (WHERE admission) AS admissions, count(*) FILTER (WHERE admission AND in_county) AS admissions_in_county
    FROM placed GROUP BY level, region, period
  )
  SELECT 'county_visit_rate' AS indicator, level, region, '' AS dims, m.measure, period, m.value
  FROM summed CROSS JOIN LATERAL (VALUES ('numerator', visits_in_county), ('denominator', visits)) AS m(measure, value)
  UNION ALL
  SELECT 'county_inpatient_rate', level, region, '', m.measure, period, m.value
  FROM summed CROSS JOIN LATERAL (VALUES ('numerator', admissions_in_county), ('denominator', admissions)) AS m(measure, value)`;

/** Runs the batch recompute on the database the aggregator filled, times it, and compares its cells. */
export async function batchRecompute(databaseUrl: string): Promise<BatchRecomputeResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: counted } = await client.query<{ n: string }>('SELECT count(DISTINCT (institution_id, event_id)) AS n FROM event_ledger');
    const started = performance.now();
    await client.query(RECOMPUTE);
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ cells: string; differing: string }>(
      `SELECT count(r.indicator) AS cells, count(*) FILTER (WHERE r.value IS DISTINCT FROM c.value) AS differing
       FROM (SELECT * FROM recomputed_counters WHERE value <> 0) r
       FULL JOIN (SELECT * FROM indicator_counter_values
                  WHERE indicator IN ('county_visit_rate', 'county_inpatient_rate') AND value <> 0) c
         USING (indicator, level, region, dims, measure, period)`,
    );
    return { events: Number(counted[0].n), seconds, cells: Number(rows[0].cells), differing: Number(rows[0].differing) };
  } finally {
    await client.end();
  }
}
