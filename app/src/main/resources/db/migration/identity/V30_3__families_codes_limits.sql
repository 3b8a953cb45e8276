-- R-G2: a family account is activated later than it is created (provisioned from the
-- registry, or started by the family), so it has no password until then.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;

-- R-G2, R-G6: the family's sign-in identity. The child's ID-card number is kept sealed
-- (AES-GCM, child_id_sealed) and found through its keyed hash (HMAC-SHA256), never in clear.
CREATE TABLE family_account
(
  account_id      UUID PRIMARY KEY REFERENCES account (id),
  child_id_sealed BYTEA,
  child_id_hash   BYTEA UNIQUE,
  child_name      TEXT NOT NULL,
  education_id    TEXT UNIQUE,
  district_code   CHAR(6),
  mobile          TEXT,                       -- the registered mobile (R-G6), proven by a code
  activated_at    TIMESTAMP WITH TIME ZONE,
  CHECK (child_id_hash IS NOT NULL OR education_id IS NOT NULL),
  CHECK ((child_id_hash IS NULL) = (child_id_sealed IS NULL))
);

-- SMS codes, hashed with a server key; single use, few tries, short life.
CREATE TABLE sms_code
(
  id          UUID PRIMARY KEY,
  mobile      TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  code_hash   BYTEA NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  wrong_tries INT NOT NULL DEFAULT 0,
  used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sms_code_mobile_idx ON sms_code (mobile, sent_at);

-- Counters behind every limit (docs/security.md), shared by all nodes: a row per key,
-- changed only under its row lock.
CREATE TABLE attempt_limit
(
  key           TEXT PRIMARY KEY,
  count         INT NOT NULL DEFAULT 0,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
  blocked_until TIMESTAMP WITH TIME ZONE
);
