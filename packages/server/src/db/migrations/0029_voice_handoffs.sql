-- Voice calls handed to a person (docs/vapi.md#handoff-and-alerts): one row per call. The first
-- handoff of a call stores it and alerts the team; a later one in the same call finds it and
-- alerts nothing new. The row is also the alert's journal: a retry (queue `voice-handoff-alert`)
-- does only what is still undone.
CREATE TABLE voice_handoffs (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  call_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('caller_asked', 'repeated_failures', 'unconfirmed')),
  -- What the caller asked for, or what failed, in words; NULL when nothing was said.
  detail text,
  -- Whether the call was put through (a transfer destination was set) or the team calls back.
  transferred boolean NOT NULL,
  -- The calling number (E.164 when it could be read) and the caller's HighLevel contact: the
  -- booking's, else found by the number, else created with it.
  caller_number text,
  contact_id text,
  -- When the `voice.handoff` webhook event was stored for delivery; NULL until then.
  told_at timestamptz,
  -- The HighLevel task: marked before its create (a retry that finds the mark looks for the task
  -- before creating it again), its id once made, or why there is none.
  task_started_at timestamptz,
  task_id text,
  task_skipped text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, call_id)
);
