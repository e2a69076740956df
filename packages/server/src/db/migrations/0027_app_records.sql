-- Contacts, notes and tasks a booking app keeps in step with HighLevel (docs/contacts.md), keyed by
-- the app's own ids. A row holds the app's latest version (what HighLevel should hold) and what the
-- bridge last wrote there; a PUT stores the version with its job in one transaction, and the job
-- (queue `app-records`, one at a time per workspace and contact) writes HighLevel.
CREATE TABLE app_contacts (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  -- The app's revision of the record, and when the app changed it (its `updatedAt`).
  version bigint NOT NULL,
  app_updated_at timestamptz NOT NULL,
  -- `DesiredContact`: every field the app has sent (its latest value), the names the latest
  -- version sent, and its managed tags when it sent them.
  desired jsonb NOT NULL,
  -- What could not be taken from the latest version (a phone that cannot be read).
  problems jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('pending', 'synced', 'failed')),
  -- Why the last write failed, in words.
  error text,
  -- The version the last job finished with (synced or failed); NULL before the first.
  done_version bigint,
  -- The HighLevel contact and its Location, once written.
  location_id text,
  contact_id text,
  -- The tags the bridge applied for this record and has not removed: the only ones it removes.
  applied_tags jsonb NOT NULL DEFAULT '[]',
  -- Per field, the value last written and when: {value, at, by: app | highlevel}.
  field_writes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, external_id)
);

-- The notes and tasks under an app contact. `revision` counts every accepted change (a new version
-- or the delete); the job syncs a row whose `revision` is past `done_revision`.
CREATE TABLE app_contact_items (
  workspace_id text NOT NULL,
  contact_external_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('note', 'task')),
  external_id text NOT NULL,
  version bigint NOT NULL,
  app_updated_at timestamptz NOT NULL,
  -- A note's `{body}`, a task's `{title, body?, dueDate, completed, assignedTo?}`.
  desired jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  revision bigint NOT NULL,
  done_revision bigint NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('pending', 'synced', 'failed')),
  error text,
  -- The HighLevel note or task, once created, and what the bridge last wrote to it.
  highlevel_id text,
  written jsonb,
  -- The create step's journal mark, set before the create call: a retry that finds it set looks
  -- for the record in HighLevel before creating it again.
  create_started_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, contact_external_id, kind, external_id),
  FOREIGN KEY (workspace_id, contact_external_id)
    REFERENCES app_contacts (workspace_id, external_id) ON DELETE CASCADE
);

-- What the bridge itself wrote to HighLevel is remembered as seen (`seen_by = 'bridge'`), so the
-- webhooks and the poll that come back with it do not tell the booking app of its own change.
ALTER TABLE highlevel_changes DROP CONSTRAINT highlevel_changes_seen_by_check;
ALTER TABLE highlevel_changes ADD CONSTRAINT highlevel_changes_seen_by_check
  CHECK (seen_by IN ('webhook', 'reconciliation', 'bridge'));
