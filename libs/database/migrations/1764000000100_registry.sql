-- Up Migration

-- Regions and institutions registry (DOMAIN.md "Regions and institutions", CONTRACT.md "Administration").
-- The pure rules these tables mirror live in libs/registry (region-code.ts, care-level.ts,
-- institution-id.ts, population-group.ts); keep the checks here in step with them.

-- GB/T 2260 regions. The parent is stored rather than derived from the code, so irregular cases
-- (province-administered counties PP90DD, whose parent is the province) are explicit data.
CREATE TABLE regions (
  code        char(6)     PRIMARY KEY,
  name        text        NOT NULL CHECK (btrim(name) <> ''),
  level       text        NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code char(6)     REFERENCES regions (code),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- Six digits; PP00DD (a county with no city part) does not occur in GB/T 2260.
  CONSTRAINT regions_code_format CHECK (
    code ~ '^[0-9]{6}$' AND NOT (substr(code, 3, 2) = '00' AND substr(code, 5, 2) <> '00')),
  -- The level is the code's shape: PP0000 province, PPCC00 city, otherwise county.
  CONSTRAINT regions_level_matches_code CHECK (
    level = CASE WHEN substr(code, 3, 4) = '0000' THEN 'province'
                 WHEN substr(code, 5, 2) = '00' THEN 'city'
                 ELSE 'county' END),
  -- Only provinces are roots; nothing is its own parent.
  CONSTRAINT regions_parent_presence CHECK ((level = 'province') = (parent_code IS NULL)),
  CONSTRAINT regions_parent_not_self CHECK (parent_code IS NULL OR parent_code <> code)
);
-- Drill-down (children of a city) and subtree scoping walk parent_code.
CREATE INDEX regions_parent_code_idx ON regions (parent_code);

-- Old codes that older systems still send (旬阳县 610928 → 旬阳市 610981), mapped at the door.
CREATE TABLE superseded_regions (
  old_code     char(6)     PRIMARY KEY CHECK (old_code ~ '^[0-9]{6}$'),
  current_code char(6)     NOT NULL REFERENCES regions (code),
  old_name     text,
  since        integer     CHECK (since BETWEEN 1980 AND 2200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT superseded_regions_not_self CHECK (old_code <> current_code)
);
CREATE INDEX superseded_regions_current_code_idx ON superseded_regions (current_code);

-- Reporting institutions. `county` is a county-level region, except for out_of_network
-- pseudo-institutions (医保结算), which sit wherever the visit happened, often a province
-- (e.g. OON-420000 at 420000); the application enforces that rule, the FK only that it exists.
-- Institutions are deactivated, not deleted: events and API keys keep pointing at them.
CREATE TABLE institutions (
  id         text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name       text        NOT NULL CHECK (btrim(name) <> ''),
  county     char(6)     NOT NULL REFERENCES regions (code),
  type       text        NOT NULL CHECK (type IN (
               'village_clinic', 'community_health_station', 'township_health_center', 'community_health_center',
               'county_hospital', 'county_tcm_hospital', 'county_mch_hospital', 'city_hospital',
               'provincial_hospital', 'out_of_network')),
  -- Level of care: 1 village · 2 township/community (1–2 = primary care, 基层) · 3 county · 4 city · 5 province.
  level      smallint    NOT NULL CHECK (level BETWEEN 1 AND 5),
  active     boolean     NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A bureau lists and drills into the institutions of its counties.
CREATE INDEX institutions_county_idx ON institutions (county, type);

-- Institution API keys: only the SHA-256 hex of the key is stored; ingest hashes the bearer key
-- and looks it up by key_hash (the unique index). Revoked keys stay for the audit trail.
CREATE TABLE institution_api_keys (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id text        NOT NULL REFERENCES institutions (id),
  key_hash       text        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  label          text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz
);
CREATE INDEX institution_api_keys_institution_idx ON institution_api_keys (institution_id);

-- Bureau tokens, each scoped to one region's subtree (a county bureau, a city commission, ...).
CREATE TABLE bureau_tokens (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  region     char(6)     NOT NULL REFERENCES regions (code),
  token_hash text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  label      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX bureau_tokens_region_idx ON bureau_tokens (region);

-- Uploaded denominators (PUT /v1/populations), one figure per region, year and group.
-- `grp` because GROUP is a reserved word; the API calls it `group`.
CREATE TABLE populations (
  region     char(6)     NOT NULL REFERENCES regions (code),
  year       integer     NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  grp        text        NOT NULL CHECK (
               grp IN ('residents', 'women_35_64', 'age_65_plus', 'live_births')
               OR grp ~ '^birth_cohort:[0-9]{4}$'),
  count      bigint      NOT NULL CHECK (count >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, year, grp)
);

-- Down Migration

DROP TABLE IF EXISTS populations;
DROP TABLE IF EXISTS bureau_tokens;
DROP TABLE IF EXISTS institution_api_keys;
DROP TABLE IF EXISTS institutions;
DROP TABLE IF EXISTS superseded_regions;
DROP TABLE IF EXISTS regions;
