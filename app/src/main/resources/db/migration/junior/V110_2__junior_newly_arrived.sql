-- R-J5: the proof a district checked before it registered a newly arrived student: the
-- hukou booklet moved into the district (HUKOU) or the study permit of the street office
-- (STUDY_PERMIT), by its number or reference.
CREATE TABLE junior_newly_arrived
(
  education_id    TEXT PRIMARY KEY REFERENCES student (education_id),
  district_code   CHAR(6)     NOT NULL REFERENCES district (code),
  entry_year      INTEGER     NOT NULL,
  proof_kind      TEXT        NOT NULL CHECK (proof_kind IN ('HUKOU', 'STUDY_PERMIT')),
  proof_reference TEXT        NOT NULL CHECK (proof_reference ~ '^[A-Za-z0-9-]{4,40}$'),
  registered_at   TIMESTAMPTZ NOT NULL,
  registered_by   TEXT        NOT NULL
);

CREATE INDEX junior_newly_arrived_district_idx ON junior_newly_arrived (district_code, entry_year);

-- the education IDs a district gives newly arrived students until the registry assigns its own
CREATE SEQUENCE junior_newly_arrived_number;
