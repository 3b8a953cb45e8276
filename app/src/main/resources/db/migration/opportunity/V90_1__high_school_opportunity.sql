-- Issue 10 (R-G1, R-J6): the quality-high-school opportunity query. Per general public
-- junior high and year: its graduates, the share of them who entered a quality high
-- school, and the quota places (名额分配, 校额到校) each quality high school allots to it.
-- The city imports the figures; the public only reads them.

-- The quality high schools (优质高中) that allot quota places. They are not schools of
-- compulsory education, so they are not in zoning's school table.
CREATE TABLE opportunity_high_school
(
  code TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,64}$'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100)
);

CREATE TABLE opportunity_year
(
  school_code    TEXT         NOT NULL REFERENCES school (code) ON DELETE CASCADE,
  year           INTEGER      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  graduates      INTEGER      NOT NULL CHECK (graduates BETWEEN 1 AND 5000),
  -- percent of the year's graduates who entered a quality high school, 0.0 to 100.0
  share_entered  NUMERIC(4, 1) NOT NULL CHECK (share_entered BETWEEN 0 AND 100),
  PRIMARY KEY (school_code, year)
);

CREATE TABLE opportunity_quota
(
  school_code      TEXT    NOT NULL,
  year             INTEGER NOT NULL,
  high_school_code TEXT    NOT NULL REFERENCES opportunity_high_school (code),
  places           INTEGER NOT NULL CHECK (places BETWEEN 1 AND 1000),
  PRIMARY KEY (school_code, year, high_school_code),
  FOREIGN KEY (school_code, year) REFERENCES opportunity_year (school_code, year) ON DELETE CASCADE
);

-- The eligibility conditions as the city words them (for example three years in the
-- same school's registry, the quota batch's minimum score): one text per language.
CREATE TABLE opportunity_eligibility
(
  id         BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
  text_zh    TEXT        NOT NULL CHECK (length(text_zh) <= 5000),
  text_en    TEXT        NOT NULL CHECK (length(text_en) <= 5000),
  version    INTEGER     NOT NULL DEFAULT 0,
  updated_by TEXT,
  updated_at TIMESTAMPTZ
);

INSERT INTO opportunity_eligibility (text_zh, text_en) VALUES ('', '');

-- Imports are staged like zoning's: rows with what they would do or their errors, a
-- preview, and nothing written until the city administrator confirms.
CREATE TABLE opportunity_import
(
  id               UUID PRIMARY KEY,
  file_name        TEXT        NOT NULL,
  file_sha256      TEXT        NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  header           TEXT[]      NOT NULL DEFAULT '{}',
  status           TEXT        NOT NULL
    CHECK (status IN ('READING', 'READY', 'REFUSED', 'WRITING', 'WRITTEN', 'CANCELLED', 'FAILED')),
  problem_key      TEXT,
  problem_args     TEXT[]      NOT NULL DEFAULT '{}',
  rows_read        INTEGER     NOT NULL DEFAULT 0,
  rows_checked     INTEGER     NOT NULL DEFAULT 0,
  rows_to_write    INTEGER     NOT NULL DEFAULT 0,
  rows_written     INTEGER     NOT NULL DEFAULT 0,
  added            INTEGER     NOT NULL DEFAULT 0,
  changed          INTEGER     NOT NULL DEFAULT 0,
  unchanged        INTEGER     NOT NULL DEFAULT 0,
  -- stored quota places of a school and year in the file that the file no longer lists
  removed          INTEGER     NOT NULL DEFAULT 0,
  rows_with_errors INTEGER     NOT NULL DEFAULT 0,
  created_by       TEXT        NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  progress_at      TIMESTAMPTZ NOT NULL,
  finished_at      TIMESTAMPTZ
);

CREATE INDEX opportunity_import_created_idx ON opportunity_import (created_at DESC);

CREATE TABLE opportunity_import_row
(
  import_id  UUID    NOT NULL REFERENCES opportunity_import (id) ON DELETE CASCADE,
  row_number INTEGER NOT NULL,
  cells      TEXT[]  NOT NULL,
  action     TEXT    NOT NULL CHECK (action IN ('ADD', 'CHANGE', 'UNCHANGED', 'ERROR')),
  difference TEXT,
  PRIMARY KEY (import_id, row_number)
);

CREATE TABLE opportunity_import_error
(
  import_id   UUID    NOT NULL REFERENCES opportunity_import (id) ON DELETE CASCADE,
  row_number  INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  column_key  TEXT,
  message_key TEXT    NOT NULL,
  args        TEXT[]  NOT NULL DEFAULT '{}',
  PRIMARY KEY (import_id, row_number, position)
);
