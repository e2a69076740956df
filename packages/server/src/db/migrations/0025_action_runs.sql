-- Actions run with an Idempotency-Key (docs/actions.md#retries): one row per workspace and key,
-- inserted before HighLevel is called (`running`) and completed with HighLevel's answer (`done`),
-- so a retry with the same key and body gets the stored answer and concurrent retries call
-- HighLevel once. `claim` names the request holding a running row: only it completes or releases
-- it. Rows are worth nothing after 24 hours; each new key of a workspace deletes its older ones.
CREATE TABLE action_runs (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  action text NOT NULL,
  -- sha256 of the action's name and its input as sent (keys sorted): "the same body".
  fingerprint text NOT NULL,
  claim text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  -- `done`: HighLevel's answer or its refusal of the request (actions/core/storedAnswer.ts), as
  -- JSON text: jsonb would reorder the keys of the answer told again.
  answer text,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (workspace_id, idempotency_key)
);

CREATE INDEX action_runs_age ON action_runs (workspace_id, started_at);
