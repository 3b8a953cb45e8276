-- R-J7: the batches (批次) of a district's junior-high draw in a year, as the city sets
-- them: how many choices each allows and which schools it offers (a scope kind the
-- junior module resolves from zoning). The plan's version guards concurrent edits.
CREATE TABLE junior_batch_plan
(
  district_code CHAR(6)     NOT NULL REFERENCES district (code),
  year          INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version       INTEGER     NOT NULL DEFAULT 0,
  updated_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (district_code, year)
);

CREATE TABLE junior_batch
(
  district_code CHAR(6) NOT NULL,
  year          INTEGER NOT NULL,
  number        INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
  name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  choices       INTEGER NOT NULL CHECK (choices BETWEEN 1 AND 20),
  scope         TEXT    NOT NULL CHECK (scope IN ('NEARBY', 'DISTRICT', 'OWN_AREA')),
  PRIMARY KEY (district_code, year, number),
  FOREIGN KEY (district_code, year) REFERENCES junior_batch_plan (district_code, year) ON DELETE CASCADE
);

-- The pseudonymous id a student has in the draw's published snapshot and on the
-- family's receipt (LOTTERY.md): random, one per student and year, unique in the city.
CREATE TABLE junior_lottery_id
(
  education_id TEXT    NOT NULL REFERENCES student (education_id),
  year         INTEGER NOT NULL,
  lottery_id   TEXT    NOT NULL UNIQUE CHECK (lottery_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  PRIMARY KEY (education_id, year)
);

-- The family's preferences (志愿): the current version per student and year; every
-- saved version's choices are kept, so the path shows what stood when (R-G9).
CREATE TABLE junior_preference
(
  education_id TEXT        NOT NULL REFERENCES student (education_id),
  year         INTEGER     NOT NULL,
  version      INTEGER     NOT NULL CHECK (version >= 1),
  saved_at     TIMESTAMPTZ NOT NULL,
  saved_by     TEXT        NOT NULL,
  PRIMARY KEY (education_id, year)
);

CREATE TABLE junior_preference_choice
(
  education_id TEXT    NOT NULL,
  year         INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  batch        INTEGER NOT NULL CHECK (batch BETWEEN 1 AND 9),
  rank         INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 20),
  school_code  TEXT    NOT NULL REFERENCES school (code),
  saved_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (education_id, year, version, batch, rank),
  -- LOTTERY.md: a school appears at most once on a student's line, all batches together
  UNIQUE (education_id, year, version, school_code)
);

REVOKE UPDATE, DELETE, TRUNCATE ON junior_preference_choice FROM ${appRole};

-- Admission outside the draw (推荐入学, 特长生, 民办, 九年一贯对口直升): one route per student
-- and year; such a student is not in the draw.
CREATE TABLE junior_admission_route
(
  education_id TEXT        NOT NULL REFERENCES student (education_id),
  year         INTEGER     NOT NULL,
  route        TEXT        NOT NULL
    CHECK (route IN ('RECOMMENDED', 'SPECIALTY', 'PRIVATE_SCHOOL', 'DIRECT_PROGRESSION')),
  school_code  TEXT        NOT NULL REFERENCES school (code),
  district_code CHAR(6)    NOT NULL REFERENCES district (code),
  recorded_at  TIMESTAMPTZ NOT NULL,
  recorded_by  TEXT        NOT NULL,
  PRIMARY KEY (education_id, year)
);

CREATE INDEX junior_admission_route_district_idx ON junior_admission_route (district_code, year);
