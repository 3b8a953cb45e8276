-- R-G8: a published result never changes. What the city corrects afterwards, and where a
-- district places a child its zone's school could not seat (R-Z4), is a new decision with a
-- reason, shown beside the original. Decisions are appended, never changed; the latest
-- decision for a student is the one that stands.
CREATE TABLE admission_decision
(
  id            UUID PRIMARY KEY,
  draw_id       UUID        NOT NULL,
  lottery_id    TEXT        NOT NULL,
  kind          TEXT        NOT NULL CHECK (kind IN ('CORRECTION', 'DISTRICT_ALLOCATION')),
  -- null: the correction takes the place away
  school_code   TEXT,
  reason        TEXT        NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  decided_at    TIMESTAMPTZ NOT NULL,
  decided_by    TEXT        NOT NULL,
  decided_role  TEXT        NOT NULL,
  FOREIGN KEY (draw_id, lottery_id) REFERENCES placement_entrant (draw_id, lottery_id),
  CHECK (kind = 'CORRECTION' OR school_code IS NOT NULL)
);

CREATE INDEX admission_decision_student_idx ON admission_decision (draw_id, lottery_id, decided_at);
-- a district allocates a child once; a later change is the city's correction
CREATE UNIQUE INDEX admission_decision_one_allocation_idx ON admission_decision (draw_id, lottery_id)
  WHERE kind = 'DISTRICT_ALLOCATION';

REVOKE UPDATE, DELETE, TRUNCATE ON admission_decision FROM ${appRole};
