-- Webhooks HighLevel sent to `POST /v1/webhooks/highlevel`, one row per `webhookId`: the key
-- HighLevel keeps on retries, so a delivery that comes twice is recorded once. `status`:
-- received (waiting for its job) | processed | unrouted (no workspace is connected to its
-- Location) | ignored (an event the bridge does not act on) | failed; `reason` says why for
-- all but processed.
CREATE TABLE highlevel_webhooks (
  webhook_id text PRIMARY KEY,
  type text NOT NULL,
  location_id text,
  -- The payload's `timestamp`: when HighLevel sent it.
  sent_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('received', 'processed', 'unrouted', 'ignored', 'failed')),
  reason text,
  received_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);

-- The workspaces a webhook was routed to: every workspace connected to its Location (two
-- workspaces may share one). `received_at` is the webhook's, copied so a workspace's listing
-- (`GET …/highlevel-webhooks`, newest first) walks one index.
CREATE TABLE highlevel_webhook_workspaces (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  webhook_id text NOT NULL REFERENCES highlevel_webhooks (webhook_id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, webhook_id)
);

CREATE INDEX highlevel_webhook_workspaces_newest
  ON highlevel_webhook_workspaces (workspace_id, received_at DESC, webhook_id DESC);
