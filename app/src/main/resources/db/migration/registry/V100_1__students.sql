-- R-J1, R-G3: the students of junior-high entry as the electronic student registry hands
-- them over (origin REGISTRY), and the newly arrived students a district registers after
-- checking their proof (origin NEWLY_ARRIVED, R-J5). The education ID is the registry's
-- key; the child's ID number is kept sealed and found by its keyed hash, as everywhere.
CREATE TABLE student
(
  education_id        TEXT PRIMARY KEY CHECK (education_id ~ '^[A-Z0-9]{4,32}$'),
  child_id_sealed     BYTEA       NOT NULL,
  child_id_hash       BYTEA       NOT NULL,
  name                TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  sex                 TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date          DATE        NOT NULL,
  entry_year          INTEGER     NOT NULL CHECK (entry_year BETWEEN 2000 AND 2100),
  -- the primary school the student graduates from; none for a newly arrived student
  school_code         TEXT REFERENCES school (code),
  class_name          TEXT,
  -- the district the student enters junior high in; a transfer (R-J4) changes it
  district_code       CHAR(6)     NOT NULL REFERENCES district (code),
  hukou_district_code CHAR(6) REFERENCES district (code),
  guardian_name       TEXT,
  mobile              TEXT CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
  origin              TEXT        NOT NULL CHECK (origin IN ('REGISTRY', 'NEWLY_ARRIVED')),
  version             INTEGER     NOT NULL DEFAULT 0,
  updated_at          TIMESTAMPTZ NOT NULL,
  CHECK (origin = 'NEWLY_ARRIVED' OR school_code IS NOT NULL)
);

-- one student record per child and entry year
CREATE UNIQUE INDEX student_child_year_idx ON student (child_id_hash, entry_year);
CREATE INDEX student_school_idx ON student (school_code, entry_year);
CREATE INDEX student_district_idx ON student (district_code, entry_year);

-- R-G9: every step of a student's enrollment path, in order, for the family and the staff.
-- Steps are appended in the transaction of the change they describe and never changed.
CREATE TABLE student_path_step
(
  id           BIGSERIAL PRIMARY KEY,
  education_id TEXT        NOT NULL REFERENCES student (education_id),
  occurred_at  TIMESTAMPTZ NOT NULL,
  step         TEXT        NOT NULL CHECK (step ~ '^[a-z][a-z0-9.-]{1,63}$'),
  detail       TEXT,
  actor        TEXT        NOT NULL,
  actor_role   TEXT        NOT NULL
);

CREATE INDEX student_path_step_student_idx ON student_path_step (education_id, id);

REVOKE UPDATE, DELETE, TRUNCATE ON student_path_step FROM ${appRole};
