-- Issue 5: district officers import schools and address mappings from XLSX or CSV. An
-- import is staged first: the file's rows, each with what it would do (add, change,
-- unchanged) or its errors, so that the officer sees a preview before anything is
-- written. Confirming writes every row in one transaction; cancelling writes nothing.
-- The counters are the progress the pages poll while a large file is read or written.
CREATE TABLE zoning_import
(
  id              UUID PRIMARY KEY,
  district_code   CHAR(6)     NOT NULL REFERENCES district (code),
  kind            TEXT        NOT NULL CHECK (kind IN ('SCHOOLS', 'ADDRESSES')),
  file_name       TEXT        NOT NULL,
  file_sha256     TEXT        NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  -- the file's header row, which says which column holds what
  header          TEXT[]      NOT NULL DEFAULT '{}',
  status          TEXT        NOT NULL
    CHECK (status IN ('READING', 'READY', 'REFUSED', 'WRITING', 'WRITTEN', 'CANCELLED', 'FAILED')),
  -- a problem of the whole file (not a spreadsheet, too many rows, wrong header): a message key
  problem_key     TEXT,
  problem_args    TEXT[]      NOT NULL DEFAULT '{}',
  rows_read       INTEGER     NOT NULL DEFAULT 0,
  rows_checked    INTEGER     NOT NULL DEFAULT 0,
  rows_to_write   INTEGER     NOT NULL DEFAULT 0,
  rows_written    INTEGER     NOT NULL DEFAULT 0,
  added           INTEGER     NOT NULL DEFAULT 0,
  changed         INTEGER     NOT NULL DEFAULT 0,
  unchanged       INTEGER     NOT NULL DEFAULT 0,
  rows_with_errors INTEGER    NOT NULL DEFAULT 0,
  created_by      TEXT        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  -- the worker's last sign of life: a job that stops moving was interrupted (its node
  -- stopped); its write transaction rolled back, so nothing of it was written
  progress_at     TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ
);

CREATE INDEX zoning_import_district_idx ON zoning_import (district_code, created_at DESC);

-- One data row of the file (row_number as the spreadsheet numbers it: the header is 1).
CREATE TABLE zoning_import_row
(
  import_id  UUID    NOT NULL REFERENCES zoning_import (id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL,
  cells      TEXT[]  NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('ADD', 'CHANGE', 'UNCHANGED', 'ERROR')),
  -- for a change: the fields that differ, "name: old → new; ..."
  difference TEXT,
  PRIMARY KEY (import_id, row_number)
);

-- A row's errors: the column and a message key with its arguments, shown in the
-- officer's language.
CREATE TABLE zoning_import_error
(
  import_id   UUID    NOT NULL REFERENCES zoning_import (id) ON DELETE CASCADE,
  row_number  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  column_key  TEXT,
  message_key TEXT    NOT NULL,
  args        TEXT[]  NOT NULL DEFAULT '{}',
  PRIMARY KEY (import_id, row_number, position)
);
