-- Signed webhooks out to the booking app (docs/webhooks-out.md). An endpoint's signing secrets are
-- sealed with the credentials keyring like the HighLevel key: the current one, and for 24 hours
-- after a rotation the previous one too (`previous_secret_expires_at`), as one sealed JSON value.
CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  url text NOT NULL,
  events text[] NOT NULL,
  description text,
  enabled boolean NOT NULL DEFAULT true,
  secret_ciphertext text NOT NULL,
  secret_key_id text NOT NULL,
  previous_secret_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The endpoints an event goes to: every enabled endpoint of the workspace subscribed to its type.
CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints (workspace_id, created_at, id);

-- One event to one endpoint. `event_id` is the `webhook-id` header of every attempt and replay;
-- `queue_job_id` names the pg-boss job in charge of the next scheduled attempt, so a job left
-- over from before a replay or a disable does nothing.
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id text NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_status integer,
  last_error text,
  queue_job_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An endpoint's deliveries newest first, as `GET …/deliveries` pages through them.
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
