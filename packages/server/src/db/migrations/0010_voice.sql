-- Voice booking (docs/vapi.md). The Vapi credential is sealed with the credentials keyring like the
-- HighLevel key; the rest of the settings are plain JSON.
CREATE TABLE voice_settings (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  settings jsonb NOT NULL,
  auth_ciphertext text NOT NULL,
  auth_key_id text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One outcome per idempotency key (call id + slot): the stored answer, or an "unconfirmed"
-- record written before each appointment create.
CREATE TABLE voice_idempotency (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  key text NOT NULL,
  outcome jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, key)
);

-- A booking in progress holds (calendar, start instant): the unique key makes a second holder
-- impossible; a holder that died frees the slot at expires_at.
CREATE TABLE voice_slot_locks (
  calendar_id text NOT NULL,
  start_at text NOT NULL,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (calendar_id, start_at)
);

-- What each tool call asked, what HighLevel was asked (with traceIds) and what was answered.
CREATE TABLE voice_call_events (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  call_id text NOT NULL,
  tool_call_id text NOT NULL,
  tool text NOT NULL,
  arguments jsonb NOT NULL,
  highlevel_requests jsonb NOT NULL,
  outcome jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX voice_call_events_by_call ON voice_call_events (workspace_id, call_id, id);
