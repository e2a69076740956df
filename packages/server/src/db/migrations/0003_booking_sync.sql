-- The booking ledger: per workspace and booking id, only the highest version a booking app sent
-- (sync/ledger.ts). Stats are computed from these rows, never read back from HighLevel.
CREATE TABLE bookings (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  booking_id text NOT NULL,
  version bigint NOT NULL,
  customer_key text NOT NULL,
  status text NOT NULL,
  payload jsonb NOT NULL,
  -- pending | waiting_for_connection | synced | failed: the sync of this version to its customer.
  sync_state text NOT NULL,
  contact_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, booking_id)
);

CREATE INDEX bookings_customer ON bookings (workspace_id, customer_key);

-- One row per customer (normalized email, else E.164 phone): the HighLevel contact it maps to in
-- `location_id`, and the tags ghl-bridge applied there (the only tags it may ever remove).
CREATE TABLE customers (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  customer_key text NOT NULL,
  location_id text,
  contact_id text,
  applied_tags text[] NOT NULL DEFAULT ARRAY[]::text[],
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, customer_key)
);

-- HighLevel custom field ids by our stable field key, per workspace and Location.
CREATE TABLE custom_field_ids (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  location_id text NOT NULL,
  field_key text NOT NULL,
  field_id text NOT NULL,
  PRIMARY KEY (workspace_id, location_id, field_key)
);

-- One sync job per booking change and affected customer. `status`: queued | running | retrying |
-- waiting_for_connection | done | failed. `failure_kind` says what a failed job waits for
-- (`credentials`: a reconnect retries it).
CREATE TABLE sync_jobs (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  booking_id text NOT NULL,
  version bigint NOT NULL,
  customer_key text NOT NULL,
  customer jsonb NOT NULL,
  previous jsonb,
  current jsonb NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  reason text,
  failure_kind text,
  contact_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sync_jobs_workspace_status ON sync_jobs (workspace_id, status, created_at);
CREATE INDEX sync_jobs_booking ON sync_jobs (workspace_id, booking_id, version);

-- Every step of a sync job, by its stable key: `started` before the HighLevel call, `done` after.
-- A retry skips `done` steps and reconciles `started` ones by reading HighLevel first.
CREATE TABLE sync_steps (
  sync_job_id text NOT NULL REFERENCES sync_jobs (id) ON DELETE CASCADE,
  step_key text NOT NULL,
  status text NOT NULL,
  result jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sync_job_id, step_key)
);
