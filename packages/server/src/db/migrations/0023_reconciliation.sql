-- Reconciliation (docs/reconciliation.md): a poll per connected Location catches the changes made
-- in HighLevel whose webhook never came. One row per Location: when its next run is due (runs
-- are claimed by moving it forward, so one process takes each), how far the last runs got (the
-- changes since then are read again), and what the last run did.
CREATE TABLE reconciliation_checkpoints (
  location_id text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  -- The start of the last run that listed every calendar's appointments; NULL before the first.
  appointments_checked_at timestamptz,
  -- The last contact taken in, by (dateUpdated, id): the next run reads on from there.
  contacts_cursor_at timestamptz,
  contacts_cursor_id text,
  -- The start of the last run that listed every open task; NULL before the first.
  tasks_checked_at timestamptz,
  -- The last run's figures (`RunSummary`): calls, 429s, changes found, why it stopped.
  last_run jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reconciliation_checkpoints_due ON reconciliation_checkpoints (next_run_at);

-- Every state of a HighLevel record the bridge has seen, by a webhook or by the poll: a record's
-- kind and id, and a fingerprint of its state (an appointment's status, times and dateUpdated; a
-- hash of a contact's fields; a task's open, completed or gone). Whichever writes a state first
-- tells the booking app; the other finds it here and tells nothing. `state_rank` orders a record's
-- states (dateUpdated in epoch ms, a task's stage): a state older than one already seen is not
-- told. Rows older than 30 days are pruned by the poll.
CREATE TABLE highlevel_changes (
  location_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('appointment', 'contact', 'note', 'task')),
  record_id text NOT NULL,
  fingerprint text NOT NULL,
  state_rank bigint NOT NULL,
  seen_by text NOT NULL CHECK (seen_by IN ('webhook', 'reconciliation')),
  -- The webhook that brought it, when one did.
  webhook_id text,
  -- The contact a task or note belongs to: where the poll looks for a task that left the open list.
  contact_id text,
  -- False for a state remembered without telling (the tasks open before the first poll).
  told boolean NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (location_id, kind, record_id, fingerprint)
);

CREATE INDEX highlevel_changes_seen ON highlevel_changes (location_id, seen_at);

-- An event reaches an endpoint once: a second delivery of the same event id is not written.
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (endpoint_id, event_id);
