-- R-G6: every message to a family or to staff. A row is written in the transaction of the
-- change that caused it (the outbox); the web inbox reads the same rows, and a worker
-- delivers the SMS part with retries. Texts are rendered from template_key and arguments
-- at delivery, so a row holds no more personal data than the message needs.
CREATE TABLE notification_message
(
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- also the gateways' idempotency key
  mobile             TEXT,                    -- null: web inbox only
  inbox_owner        TEXT,                    -- account username; null: SMS only
  template_key       TEXT NOT NULL,
  arguments          TEXT[] NOT NULL DEFAULT '{}',
  language           TEXT NOT NULL DEFAULT 'zh',
  -- the SMS: NONE (no mobile), PENDING, SENDING (claimed by a worker until claimed_until),
  -- SENT, FAILED (attempts exhausted or refused for good: listed for the city administrator)
  sms_status         TEXT NOT NULL CHECK (sms_status IN ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED')),
  attempts           INT NOT NULL DEFAULT 0,
  next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  claim_token        UUID,
  claimed_until      TIMESTAMP WITH TIME ZONE,
  last_error         TEXT,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at            TIMESTAMP WITH TIME ZONE,
  gateway_message_id TEXT,
  receipt_status     TEXT,                    -- from an SMPP delivery receipt, e.g. DELIVRD
  receipt_at         TIMESTAMP WITH TIME ZONE,
  read_at            TIMESTAMP WITH TIME ZONE, -- the inbox owner opened it
  CHECK (mobile IS NOT NULL OR inbox_owner IS NOT NULL)
);

-- the worker's claim: due messages only
CREATE INDEX notification_message_due_idx ON notification_message (next_attempt_at)
  WHERE sms_status IN ('PENDING', 'SENDING');
CREATE INDEX notification_message_inbox_idx ON notification_message (inbox_owner, created_at DESC)
  WHERE inbox_owner IS NOT NULL;
CREATE INDEX notification_message_failed_idx ON notification_message (created_at DESC)
  WHERE sms_status = 'FAILED';
CREATE INDEX notification_message_gateway_id_idx ON notification_message (gateway_message_id)
  WHERE gateway_message_id IS NOT NULL;
