-- Up Migration

-- The quarter, year and week values of an indicator whose counters add up are read as the sums of its
-- month and day counters (libs/indicators/src/stored-granularities.ts), and the aggregator no longer
-- writes such counters: the rows stored before would never change again, so they go, with their
-- un-folded log rows. Every indicator adds up except those counting a person once per period
-- (`distinct_per_period`), named here as the catalogue has them. Aggregators that still write these
-- rows must be stopped before this runs: one algorithm at a time.
DELETE FROM indicator_counter_log l USING indicator_counters c
WHERE l.counter_id = c.id
  AND c.period ~ '^[0-9]{4}(Q[1-4]|W[0-9]{2})?$'
  AND c.indicator <> ALL ('{cervical_screening_coverage,breast_screening_coverage,newborn_screening_rate,hypertension_control_rate,diabetes_control_rate}'::text[]);
DELETE FROM indicator_counter_log
WHERE counter_id IS NULL
  AND period ~ '^[0-9]{4}(Q[1-4]|W[0-9]{2})?$'
  AND indicator <> ALL ('{cervical_screening_coverage,breast_screening_coverage,newborn_screening_rate,hypertension_control_rate,diabetes_control_rate}'::text[]);
DELETE FROM indicator_counters
WHERE period ~ '^[0-9]{4}(Q[1-4]|W[0-9]{2})?$'
  AND indicator <> ALL ('{cervical_screening_coverage,breast_screening_coverage,newborn_screening_rate,hypertension_control_rate,diabetes_control_rate}'::text[]);

-- Down Migration
-- The summed counters again, from the months and days (the folded table and the log, as readers see them).
INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
SELECT indicator, level, region, dims, measure, summed.period, sum(value)
FROM indicator_counter_values v
CROSS JOIN LATERAL (
  VALUES (left(v.period, 4)), (left(v.period, 4) || 'Q' || ((substr(v.period, 5, 2)::int + 2) / 3))
) AS summed(period)
WHERE v.period ~ '^[0-9]{6}$' AND v.indicator <> ALL ('{cervical_screening_coverage,breast_screening_coverage,newborn_screening_rate,hypertension_control_rate,diabetes_control_rate}'::text[])
GROUP BY indicator, level, region, dims, measure, summed.period;

INSERT INTO indicator_counters (indicator, level, region, dims, measure, period, value)
SELECT indicator, level, region, dims, measure, to_char(to_date(period, 'YYYYMMDD'), 'IYYY"W"IW'), sum(value)
FROM indicator_counter_values
WHERE period ~ '^[0-9]{8}$' AND indicator = ANY ('{disease_cases,disease_incidence,report_timeliness_rate,ili_percentage,fever_clinic_visits,fever_clinic_visits_growth}'::text[])
GROUP BY indicator, level, region, dims, measure, to_char(to_date(period, 'YYYYMMDD'), 'IYYY"W"IW');
