-- R-G3, R-P12: new enrollments handed over to the electronic student registry (the
-- student record a child gets only through it). One row per enrollment, by year, level
-- and key (the education ID for junior entry, the primary registration number for
-- primary entry): recording the same enrollment again changes nothing, a change (a
-- correction) makes a new version to be sent again. The child's ID number is sealed and
-- found by its keyed hash, as everywhere.
CREATE TABLE registry_handoff
(
  id                 BIGSERIAL PRIMARY KEY,
  year               INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  level              TEXT        NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR')),
  enrollment_key     TEXT        NOT NULL CHECK (enrollment_key ~ '^[A-Za-z0-9-]{1,40}$'),
  district_code      CHAR(6)     NOT NULL REFERENCES district (code),
  school_code        TEXT        NOT NULL REFERENCES school (code),
  method             TEXT        NOT NULL CHECK (method ~ '^[A-Z_]{1,40}$'),
  name               TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  sex                TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date         DATE        NOT NULL,
  child_id_sealed    BYTEA,
  child_id_hash      BYTEA,
  education_id       TEXT CHECK (education_id ~ '^[A-Z0-9]{4,32}$'),
  version            INTEGER     NOT NULL DEFAULT 1 CHECK (version >= 1),
  status             TEXT        NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'ACKNOWLEDGED', 'FAILED')),
  -- for FAILED: whether the next send tries again (the registry was unreachable) or not
  -- (the registry refused the record: only a change of the enrollment sends it again)
  retry              BOOLEAN     NOT NULL DEFAULT true,
  -- requests that carried this version to the registry
  attempts           INTEGER     NOT NULL DEFAULT 0,
  registry_reference TEXT CHECK (length(registry_reference) <= 100),
  last_error         TEXT,
  -- SENDING: the sender's batch (its idempotency key) and until when it holds the row,
  -- in the database's time; after that another send may take it again
  claim_key          TEXT,
  claimed_until      TIMESTAMPTZ,
  recorded_at        TIMESTAMPTZ NOT NULL,
  recorded_by        TEXT        NOT NULL,
  changed_at         TIMESTAMPTZ NOT NULL,
  sent_at            TIMESTAMPTZ,
  UNIQUE (year, level, enrollment_key),
  CHECK ((child_id_sealed IS NULL) = (child_id_hash IS NULL)),
  CHECK (level = 'PRIMARY' OR education_id = enrollment_key),
  CHECK ((status = 'SENDING') = (claimed_until IS NOT NULL))
);

-- the senders' queue: a year and level's rows by status, in order
CREATE INDEX registry_handoff_queue_idx ON registry_handoff (year, level, status, id);

-- The local adapter's stand-in for the student registry (ruxue.registry.handoff.adapter =
-- local): what the registry holds, as the registry keeps it, by year, level and key: the
-- version it last took, its reference, and how many times a record was delivered (a
-- batch applied twice would show here). No name and no ID number: the platform keeps
-- those itself.
CREATE SEQUENCE registry_handoff_copy_reference_seq;

CREATE TABLE registry_handoff_copy
(
  year              INTEGER     NOT NULL,
  level             TEXT        NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR')),
  enrollment_key    TEXT        NOT NULL,
  version           INTEGER     NOT NULL,
  school_code       TEXT        NOT NULL,
  district_code     CHAR(6)     NOT NULL,
  method            TEXT        NOT NULL,
  education_id      TEXT,
  reference         TEXT        NOT NULL UNIQUE,
  receipts          INTEGER     NOT NULL DEFAULT 1,
  first_received_at TIMESTAMPTZ NOT NULL,
  last_received_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (year, level, enrollment_key)
);
