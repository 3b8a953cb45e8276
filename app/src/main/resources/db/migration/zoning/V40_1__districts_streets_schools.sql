-- R-P4, R-P5: the city's 16 districts and their 349 sub-districts and towns (街道/乡镇).
-- Both are reference facts: the application loads them at start-up from reference/*.csv
-- (National Bureau of Statistics codes, 2023), so this migration holds no rows.
CREATE TABLE district
(
  code CHAR(6) PRIMARY KEY CHECK (code ~ '^11[0-9]{4}$'),
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE street
(
  code          CHAR(9) PRIMARY KEY CHECK (code ~ '^[0-9]{9}$'),
  name          TEXT NOT NULL,
  district_code CHAR(6) NOT NULL REFERENCES district (code),
  -- a street's code starts with its district's
  CHECK (left(code, 6) = district_code)
);

CREATE INDEX street_district_idx ON street (district_code);

-- The schools of compulsory education. A nine-year school (九年一贯制) takes both primary
-- and junior entrants. The code is also the school's code in lottery snapshots, hence
-- LOTTERY.md's alphabet.
CREATE TABLE school
(
  code           TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,64}$'),
  name           TEXT NOT NULL,
  district_code  CHAR(6) NOT NULL REFERENCES district (code),
  level          TEXT NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR')),
  public         BOOLEAN NOT NULL,
  address        TEXT NOT NULL,
  seats_per_year INTEGER NOT NULL CHECK (seats_per_year > 0),
  UNIQUE (name, district_code)
);

CREATE INDEX school_district_idx ON school (district_code, level);
