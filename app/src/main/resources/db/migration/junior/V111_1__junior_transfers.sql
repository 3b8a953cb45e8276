-- R-J4: a graduating school's application for its student to return to the hukou or home
-- district. The school starts it, prints the form, records that the family and the school
-- signed, and submits; the school, the district moved out of and the district moved into
-- then decide in turn. A rejection ends the chain; the last approval moves the student.
CREATE TABLE junior_transfer
(
  id                UUID PRIMARY KEY,
  number            TEXT        NOT NULL UNIQUE CHECK (number ~ '^ZQ[0-9]{4}-[A-Z0-9]{6}$'),
  education_id      TEXT        NOT NULL REFERENCES student (education_id),
  entry_year        INTEGER     NOT NULL,
  school_code       TEXT        NOT NULL REFERENCES school (code),
  from_district     CHAR(6)     NOT NULL REFERENCES district (code),
  to_district       CHAR(6)     NOT NULL REFERENCES district (code),
  kind              TEXT        NOT NULL CHECK (kind IN ('HUKOU', 'HOME')),
  address           TEXT        NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  note              TEXT CHECK (length(note) <= 500),
  status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'SCHOOL_APPROVED', 'OUT_APPROVED',
                                                           'APPROVED', 'REJECTED', 'WITHDRAWN')),
  started_by        TEXT        NOT NULL,
  started_at        TIMESTAMPTZ NOT NULL,
  printed_at        TIMESTAMPTZ,
  signed_at         TIMESTAMPTZ,
  signed_by         TEXT,
  submitted_at      TIMESTAMPTZ,
  submitted_by      TEXT,
  school_decided_at TIMESTAMPTZ,
  school_decided_by TEXT,
  out_decided_at    TIMESTAMPTZ,
  out_decided_by    TEXT,
  in_decided_at     TIMESTAMPTZ,
  in_decided_by     TEXT,
  rejected_stage    TEXT CHECK (rejected_stage IN ('SCHOOL', 'OUT_DISTRICT', 'IN_DISTRICT')),
  rejection_reason  TEXT CHECK (length(rejection_reason) <= 500),
  changed_at        TIMESTAMPTZ NOT NULL,
  version           INTEGER     NOT NULL DEFAULT 0,
  CHECK (from_district <> to_district),
  CHECK ((status = 'REJECTED') = (rejected_stage IS NOT NULL AND rejection_reason IS NOT NULL))
);

-- R-J4: one open transfer per student at a time; a finished one does not block another
CREATE UNIQUE INDEX junior_transfer_open_idx ON junior_transfer (education_id)
  WHERE status NOT IN ('APPROVED', 'REJECTED', 'WITHDRAWN');
CREATE INDEX junior_transfer_school_idx ON junior_transfer (school_code, entry_year);
CREATE INDEX junior_transfer_from_idx ON junior_transfer (from_district, entry_year, status);
CREATE INDEX junior_transfer_to_idx ON junior_transfer (to_district, entry_year, status);
