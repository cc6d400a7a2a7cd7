-- Up Migration

-- Canonical events carry the person's birth year-month and age on the day of the event instead of
-- the birth date, and no referral `reason` (docs/privacy.md). Ledger rows written before that are
-- brought to the same shape, so a rebuild counts them as it counts new ones: the age is computed on
-- the China Standard Time date of occurred_at, in completed years, as the door does.
UPDATE event_ledger
SET payload = (payload - 'reason'::text)
  || CASE WHEN payload->'person' ? 'birthDate' THEN jsonb_build_object('person',
       ((payload -> 'person') - 'birthDate')
       || jsonb_build_object('birthYearMonth', left(payload #>> '{person,birthDate}', 7))
       || CASE WHEN (payload #>> '{person,birthDate}')::date <= ((occurred_at AT TIME ZONE 'UTC') + interval '8 hours')::date
               THEN jsonb_build_object('ageYears',
                      date_part('year', age(((occurred_at AT TIME ZONE 'UTC') + interval '8 hours')::date, (payload #>> '{person,birthDate}')::date))::int)
               ELSE '{}'::jsonb END)
     ELSE '{}'::jsonb END
WHERE payload->'person' ? 'birthDate' OR payload ? 'reason';

-- Down Migration
-- The birth day is gone; nothing to restore.
