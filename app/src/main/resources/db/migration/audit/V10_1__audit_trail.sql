-- R-G9: the append-only, hash-chained trail of every state change and every staff read.
CREATE TABLE audit_entry
(
  position     BIGINT PRIMARY KEY,          -- 1, 2, 3 … without gaps: assigned under a lock
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        TEXT NOT NULL,               -- account name, or 'system'
  actor_role   TEXT NOT NULL,
  on_behalf_of TEXT,                        -- the family or office acted for, if any
  action       TEXT NOT NULL,               -- e.g. 'calendar.year.changed'
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,               -- a reference, never the personal data itself
  rule_ids     TEXT NOT NULL DEFAULT '',    -- comma-separated requirement ids, e.g. 'R-P2'
  before_state TEXT,
  after_state  TEXT,
  previous_hash CHAR(64) NOT NULL,
  hash         CHAR(64) NOT NULL UNIQUE
);

CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id);

-- The application role may append and read, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${appRole};
GRANT SELECT, INSERT ON audit_entry TO ${appRole};
