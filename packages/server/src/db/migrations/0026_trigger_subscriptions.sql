-- Polling triggers (docs/triggers.md): a workspace subscribes to one of the catalogue's triggers
-- with its parameters, an interval and the webhook endpoint its items are delivered to. `seen`
-- is the checkpoint: every item the last polls saw, by key (its id, or a hash of an item without
-- one), with its change marker; an item is delivered when its key is new or its marker moved, in
-- the transaction that writes the new checkpoint, so a restart delivers nothing twice and loses
-- nothing. The first poll only fills `seen` (`baseline_at`): what was there before is not news.
CREATE TABLE trigger_subscriptions (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  trigger text NOT NULL,
  input jsonb NOT NULL,
  interval_seconds integer NOT NULL CHECK (interval_seconds BETWEEN 60 AND 900),
  -- Deleting the endpoint deletes the subscriptions that deliver to it.
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  next_poll_at timestamptz NOT NULL,
  baseline_at timestamptz,
  seen jsonb NOT NULL DEFAULT '{}',
  -- The last poll's figures (`PollSummary`): calls, pages, items, delivered, error.
  last_poll jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX trigger_subscriptions_workspace ON trigger_subscriptions (workspace_id, created_at);
CREATE INDEX trigger_subscriptions_due ON trigger_subscriptions (next_poll_at);
