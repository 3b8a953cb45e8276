-- R-G9: an entry is written in the publisher's transaction to audit_pending, without any
-- lock, and chained into audit_entry (position, previous hash, hash) by the sealer shortly
-- after it commits, in batches, under the chain's lock. The chain's lock is then held per
-- batch, not per submission through its commit, which serialised every write of the
-- platform. The application role may stage, read and remove staged entries (the sealer
-- moves them); audit_entry itself stays append-only.
CREATE TABLE audit_pending
(
  id           BIGSERIAL PRIMARY KEY,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor        TEXT NOT NULL,
  actor_role   TEXT NOT NULL,
  on_behalf_of TEXT,
  action       TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  rule_ids     TEXT NOT NULL DEFAULT '',
  before_state TEXT,
  after_state  TEXT
);

REVOKE UPDATE, TRUNCATE ON audit_pending FROM ${appRole};
GRANT SELECT, INSERT, DELETE ON audit_pending TO ${appRole};
