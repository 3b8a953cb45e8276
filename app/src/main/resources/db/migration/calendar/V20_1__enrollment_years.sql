-- R-P1, R-J4, R-J7, R-P15: every date of an enrollment year is data the city edits.
CREATE TABLE enrollment_year
(
  year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  version     INTEGER NOT NULL,
  age_cutoff  DATE NOT NULL                 -- R-P2: born on or before this day
);

-- A phase is open from opens_on 00:00 to the end of closes_on, in the city's time zone;
-- a phase without closes_on stays open (results stay readable).
CREATE TABLE enrollment_phase
(
  year      INTEGER NOT NULL REFERENCES enrollment_year (year) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  opens_on  DATE NOT NULL,
  closes_on DATE,
  PRIMARY KEY (year, kind),
  CHECK (closes_on IS NULL OR closes_on >= opens_on)
);

-- R-Z4: a home whose property certificate is dated after the cutoff maps to several schools.
CREATE TABLE zoning_cutoff
(
  year          INTEGER NOT NULL REFERENCES enrollment_year (year) ON DELETE CASCADE,
  district_code CHAR(6) NOT NULL,
  cutoff        DATE NOT NULL,
  PRIMARY KEY (year, district_code)
);
