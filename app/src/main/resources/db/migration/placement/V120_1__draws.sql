-- R-J7, R-Z4, R-G8: a draw from its frozen snapshot to its published result. The snapshot
-- and its hash never change once written; the entropy, seed and result are written once,
-- by the draw; the publication is written once. The trigger below is what enforces it,
-- for the application's role and for anyone else who connects: a published result has no
-- update path. A correction is a new decision (admission_correction), never an update.
CREATE TABLE placement_draw
(
  id             UUID PRIMARY KEY,
  year           INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  level          TEXT        NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR')),
  -- a district's code, or 110000 for the whole city
  scope          CHAR(6)     NOT NULL CHECK (scope ~ '^11[0-9]{4}$'),
  mechanism      TEXT        NOT NULL,
  tie_breaking   TEXT        NOT NULL,
  snapshot       BYTEA       NOT NULL,
  snapshot_hash  CHAR(64)    NOT NULL CHECK (snapshot_hash ~ '^[0-9a-f]{64}$'),
  students       INTEGER     NOT NULL,
  schools        INTEGER     NOT NULL,
  seats          INTEGER     NOT NULL,
  draw_on        DATE        NOT NULL,
  entropy_rule   TEXT        NOT NULL CHECK (length(entropy_rule) BETWEEN 1 AND 500),
  frozen_at      TIMESTAMPTZ NOT NULL,
  frozen_by      TEXT        NOT NULL,
  entropy        TEXT,
  seed           CHAR(64),
  result         BYTEA,
  result_hash    CHAR(64),
  placed         INTEGER,
  check_verdict  TEXT,
  drawn_at       TIMESTAMPTZ,
  drawn_by       TEXT,
  published_at   TIMESTAMPTZ,
  published_by   TEXT,
  UNIQUE (year, level, scope),
  CHECK ((entropy IS NULL) = (result IS NULL) AND (result IS NULL) = (seed IS NULL)
         AND (result IS NULL) = (result_hash IS NULL) AND (result IS NULL) = (drawn_at IS NULL)
         AND (result IS NULL) = (check_verdict IS NULL) AND (result IS NULL) = (placed IS NULL)),
  CHECK (published_at IS NULL OR result IS NOT NULL),
  CHECK ((published_at IS NULL) = (published_by IS NULL))
);

CREATE FUNCTION placement_draw_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a draw is never deleted (R-G8)';
  END IF;
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'a published result cannot change (R-G8)';
  END IF;
  IF NEW.id <> OLD.id OR NEW.year <> OLD.year OR NEW.level <> OLD.level OR NEW.scope <> OLD.scope
     OR NEW.mechanism <> OLD.mechanism OR NEW.tie_breaking <> OLD.tie_breaking
     OR NEW.snapshot <> OLD.snapshot OR NEW.snapshot_hash <> OLD.snapshot_hash
     OR NEW.students <> OLD.students OR NEW.schools <> OLD.schools OR NEW.seats <> OLD.seats
     OR NEW.draw_on <> OLD.draw_on OR NEW.entropy_rule <> OLD.entropy_rule
     OR NEW.frozen_at <> OLD.frozen_at OR NEW.frozen_by <> OLD.frozen_by THEN
    RAISE EXCEPTION 'a frozen snapshot and its published commitment cannot change (R-J7)';
  END IF;
  IF OLD.result IS NOT NULL AND (NEW.entropy IS DISTINCT FROM OLD.entropy OR NEW.seed IS DISTINCT FROM OLD.seed
     OR NEW.result IS DISTINCT FROM OLD.result OR NEW.result_hash IS DISTINCT FROM OLD.result_hash
     OR NEW.placed IS DISTINCT FROM OLD.placed OR NEW.check_verdict IS DISTINCT FROM OLD.check_verdict
     OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at OR NEW.drawn_by IS DISTINCT FROM OLD.drawn_by) THEN
    RAISE EXCEPTION 'a drawn result cannot change (R-J7)';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER placement_draw_guard BEFORE UPDATE OR DELETE ON placement_draw
  FOR EACH ROW EXECUTE FUNCTION placement_draw_guard();

REVOKE DELETE, TRUNCATE ON placement_draw FROM ${appRole};

-- Who is behind each pseudonymous lottery id of a draw: kept private, never published.
-- Junior students by education ID; primary registrations by their id.
CREATE TABLE placement_entrant
(
  draw_id         UUID    NOT NULL REFERENCES placement_draw (id),
  lottery_id      TEXT    NOT NULL CHECK (lottery_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  district_code   CHAR(6) NOT NULL,
  education_id    TEXT,
  registration_id UUID,
  -- the priority category's label where the tier came from (primary), for the statistics
  category        TEXT,
  PRIMARY KEY (draw_id, lottery_id),
  CHECK ((education_id IS NULL) <> (registration_id IS NULL))
);
CREATE INDEX placement_entrant_education_idx ON placement_entrant (education_id) WHERE education_id IS NOT NULL;
CREATE INDEX placement_entrant_registration_idx ON placement_entrant (registration_id)
  WHERE registration_id IS NOT NULL;

REVOKE UPDATE, DELETE, TRUNCATE ON placement_entrant FROM ${appRole};

-- Primary registrations' pseudonymous ids, one per registration: drawn from a secure
-- random source at the freeze (LOTTERY.md: never the ID number or the name).
CREATE TABLE placement_primary_id
(
  registration_id UUID PRIMARY KEY,
  year            INTEGER NOT NULL,
  lottery_id      TEXT    NOT NULL,
  UNIQUE (year, lottery_id)
);

REVOKE UPDATE, DELETE, TRUNCATE ON placement_primary_id FROM ${appRole};

-- The result read out per student, written in the draw's transaction: where each was
-- placed and why (the explanation of every choice, as JSON), so a family's page reads one row.
CREATE TABLE placement_outcome
(
  draw_id     UUID    NOT NULL REFERENCES placement_draw (id),
  lottery_id  TEXT    NOT NULL,
  school_code TEXT,
  rank        INTEGER NOT NULL,
  batch       INTEGER NOT NULL,
  number      CHAR(16) NOT NULL,
  explanation JSONB   NOT NULL,
  PRIMARY KEY (draw_id, lottery_id),
  FOREIGN KEY (draw_id, lottery_id) REFERENCES placement_entrant (draw_id, lottery_id),
  CHECK ((school_code IS NULL) = (rank = 0))
);
CREATE INDEX placement_outcome_school_idx ON placement_outcome (draw_id, school_code);

REVOKE UPDATE, DELETE, TRUNCATE ON placement_outcome FROM ${appRole};
