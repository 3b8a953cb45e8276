-- R-J2: the family's signed confirmation of a student's basic data, of exactly the version
-- of the record it saw. A correction (R-J3) clears it; a confirmation counts only while
-- the record is still at its version. Earlier confirmations stay, cleared, for the record.
CREATE TABLE junior_confirmation
(
  id              BIGSERIAL PRIMARY KEY,
  education_id    TEXT        NOT NULL REFERENCES student (education_id),
  student_version INTEGER     NOT NULL,
  confirmed_at    TIMESTAMPTZ NOT NULL,
  confirmed_by    TEXT        NOT NULL,
  cleared_at      TIMESTAMPTZ
);

-- one standing confirmation per student
CREATE UNIQUE INDEX junior_confirmation_current_idx ON junior_confirmation (education_id) WHERE cleared_at IS NULL;

-- R-J3: a family reports wrong data; the graduating school (for a newly arrived student,
-- the district) corrects it or answers that the data is right, with a reason.
CREATE TABLE junior_error_report
(
  id              UUID PRIMARY KEY,
  education_id    TEXT        NOT NULL REFERENCES student (education_id),
  -- who answers: the graduating school, else the district
  school_code     TEXT REFERENCES school (code),
  district_code   CHAR(6)     NOT NULL REFERENCES district (code),
  text            TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  student_version INTEGER     NOT NULL,
  reported_at     TIMESTAMPTZ NOT NULL,
  resolution      TEXT CHECK (resolution IN ('CORRECTED', 'UPHELD')),
  reason          TEXT CHECK (length(reason) <= 500),
  resolved_at     TIMESTAMPTZ,
  resolved_by     TEXT,
  CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
  CHECK (resolution IS DISTINCT FROM 'UPHELD' OR reason IS NOT NULL)
);

-- one open report per student: the school answers it before the family reports again
CREATE UNIQUE INDEX junior_error_report_open_idx ON junior_error_report (education_id) WHERE resolution IS NULL;
CREATE INDEX junior_error_report_school_idx ON junior_error_report (school_code, reported_at);
CREATE INDEX junior_error_report_district_idx ON junior_error_report (district_code, reported_at);
