-- R-P7, R-P15: the study permit (在京就读证明) a district issues to a non-local child after
-- its document review. Primary registration of a non-local child requires a permit of the
-- same district and year that is not revoked. The child's ID number is kept as its keyed
-- hash only (SealedIdNumbers#lookupHash), the same hash every module uses.
CREATE TABLE study_permit
(
  number        TEXT PRIMARY KEY CHECK (number ~ '^[0-9]{4}-[0-9]{6}-[A-Z0-9]{4,12}$'),
  district_code CHAR(6)     NOT NULL REFERENCES district (code),
  year          INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  child_id_hash BYTEA       NOT NULL,
  child_name    TEXT        NOT NULL,
  issued_at     TIMESTAMPTZ NOT NULL,
  revoked_at    TIMESTAMPTZ,
  revoke_reason TEXT,
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);

-- one valid permit per child, district and year
CREATE UNIQUE INDEX study_permit_valid_idx ON study_permit (child_id_hash, district_code, year)
  WHERE revoked_at IS NULL;
