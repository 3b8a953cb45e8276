-- Chance estimates before the deadline: simulated draws over the preferences as they
-- stand, per district and year. Estimates, not results: nothing here decides a place, and
-- each district keeps only its latest figures. A run is queued, runs, and on success its
-- figures replace the district's previous ones in one transaction; readers read the
-- latest finished run.
CREATE TABLE placement_estimate_run
(
  id                    UUID PRIMARY KEY,
  year                  INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  district_code         CHAR(6)     NOT NULL REFERENCES district (code),
  status                TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
  runs                  INTEGER     NOT NULL CHECK (runs BETWEEN 1 AND 100000),
  runs_done             INTEGER     NOT NULL DEFAULT 0,
  mechanism             TEXT        NOT NULL,
  tie_breaking          TEXT        NOT NULL,
  -- who asked: an administrator's account name, or "nightly"
  requested_by          TEXT        NOT NULL,
  requested_at          TIMESTAMPTZ NOT NULL,
  -- when the preferences were read: the estimate is for them as saved before this
  started_at            TIMESTAMPTZ,
  -- a worker that has not moved this on for a while has stopped (its node went down)
  progress_at           TIMESTAMPTZ NOT NULL,
  finished_at           TIMESTAMPTZ,
  students              INTEGER,
  students_with_choices INTEGER,
  seats                 INTEGER,
  -- students in the draw per seat offered in it; null when no seat is offered
  applicants_per_seat   NUMERIC(10, 3),
  problem_key           TEXT,
  CHECK ((status = 'FINISHED') = (finished_at IS NOT NULL AND students IS NOT NULL AND seats IS NOT NULL)),
  CHECK (runs_done BETWEEN 0 AND runs)
);

-- One run at a time per district and year: a second request while one is queued or
-- running is refused by the database, whichever node it comes from.
CREATE UNIQUE INDEX placement_estimate_run_active_idx ON placement_estimate_run (year, district_code)
  WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX placement_estimate_run_latest_idx ON placement_estimate_run (year, district_code, finished_at DESC)
  WHERE status = 'FINISHED';

-- Per student and listed school, the runs that placed the student there; per student one
-- row without a school for the runs that left it unplaced. The share is placed_runs/runs.
CREATE TABLE placement_estimate_share
(
  run_id       UUID    NOT NULL REFERENCES placement_estimate_run (id) ON DELETE CASCADE,
  education_id TEXT    NOT NULL,
  lottery_id   TEXT    NOT NULL,
  -- the choice's 1-based position on the list over all batches, 0 for the unplaced row
  position     INTEGER NOT NULL CHECK (position >= 0),
  batch        INTEGER NOT NULL CHECK (batch >= 0),
  school_code  TEXT,
  placed_runs  INTEGER NOT NULL CHECK (placed_runs >= 0),
  PRIMARY KEY (run_id, education_id, position),
  CHECK ((school_code IS NULL) = (position = 0))
);

-- The nightly estimate runs once cluster-wide: the node whose insert of the night's row
-- succeeds runs it, every other node sees the row and does nothing.
CREATE TABLE placement_estimate_night
(
  night      DATE PRIMARY KEY,
  claimed_at TIMESTAMPTZ NOT NULL,
  claimed_by TEXT        NOT NULL
);

REVOKE UPDATE, DELETE, TRUNCATE ON placement_estimate_night FROM ${appRole};
