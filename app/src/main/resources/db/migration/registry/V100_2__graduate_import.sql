-- R-J1: imports of the graduates the electronic student registry hands over, from an
-- uploaded export (XLSX, CSV) or fetched from its JSON service (docs/registry.md). An
-- import is read and checked into a preview; nothing reaches the student table until
-- the city administrator confirms, and then every valid row in one transaction. The
-- counters are the progress the pages poll.
CREATE TABLE registry_import
(
  id                   UUID PRIMARY KEY,
  source               TEXT        NOT NULL CHECK (source IN ('FILE', 'HTTP', 'DEMO')),
  file_name            TEXT        NOT NULL,
  file_sha256          TEXT        NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  entry_year           INTEGER     NOT NULL CHECK (entry_year BETWEEN 2000 AND 2100),
  status               TEXT        NOT NULL
    CHECK (status IN ('READING', 'READY', 'REFUSED', 'WRITING', 'WRITTEN', 'CANCELLED', 'FAILED')),
  problem_key          TEXT,
  problem_args         TEXT[]      NOT NULL DEFAULT '{}',
  rows_read            INTEGER     NOT NULL DEFAULT 0,
  rows_checked         INTEGER     NOT NULL DEFAULT 0,
  rows_to_write        INTEGER     NOT NULL DEFAULT 0,
  rows_written         INTEGER     NOT NULL DEFAULT 0,
  added                INTEGER     NOT NULL DEFAULT 0,
  changed              INTEGER     NOT NULL DEFAULT 0,
  unchanged            INTEGER     NOT NULL DEFAULT 0,
  rows_with_errors     INTEGER     NOT NULL DEFAULT 0,
  accounts_provisioned INTEGER     NOT NULL DEFAULT 0,
  created_by           TEXT        NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL,
  progress_at          TIMESTAMPTZ NOT NULL,
  finished_at          TIMESTAMPTZ
);

CREATE INDEX registry_import_created_idx ON registry_import (created_at DESC);

-- The checked rows of an import until it is written or cancelled: the ID number sealed as
-- in the student table; dropped once the import is written or cancelled. UNLOGGED: a
-- staging table that a crash may empty (the import then fails and is read again), written
-- at the speed 150,000 rows need.
CREATE UNLOGGED TABLE registry_import_row
(
  import_id           UUID    NOT NULL,
  row_number          INTEGER NOT NULL,
  action              TEXT    NOT NULL CHECK (action IN ('ADD', 'CHANGE', 'UNCHANGED', 'ERROR')),
  education_id        TEXT,
  child_id_sealed     BYTEA,
  child_id_hash       BYTEA,
  masked_id_number    TEXT,
  name                TEXT,
  sex                 TEXT,
  birth_date          DATE,
  school_code         TEXT,
  class_name          TEXT,
  district_code       TEXT,
  hukou_district_code TEXT,
  guardian_name       TEXT,
  mobile              TEXT,
  PRIMARY KEY (import_id, row_number)
);

CREATE INDEX registry_import_row_student_idx ON registry_import_row (import_id, education_id);

-- The row report: what is wrong with a row, column by column, as message keys that the
-- page words in the reader's language. Never the ID number itself.
CREATE TABLE registry_import_error
(
  import_id   UUID    NOT NULL,
  row_number  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  column_key  TEXT,
  message_key TEXT    NOT NULL,
  args        TEXT[]  NOT NULL DEFAULT '{}',
  PRIMARY KEY (import_id, row_number, position),
  FOREIGN KEY (import_id) REFERENCES registry_import (id) ON DELETE CASCADE
);
