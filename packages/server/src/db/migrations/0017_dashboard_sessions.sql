-- Dashboard sessions: signing in with the admin token or a workspace API key gives the browser
-- an HttpOnly cookie instead of keeping the secret in page script. Only a hash of the session
-- token is stored. `credential_hash` is the hash of the secret signed in with: when the admin
-- token or the workspace key changes, its sessions stop working. A deleted workspace takes its
-- sessions with it.
CREATE TABLE dashboard_sessions (
  token_hash text PRIMARY KEY,
  principal text NOT NULL CHECK (principal IN ('admin', 'workspace')),
  workspace_id text REFERENCES workspaces (id) ON DELETE CASCADE,
  credential_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK ((principal = 'workspace') = (workspace_id IS NOT NULL))
);

CREATE INDEX dashboard_sessions_expires_at ON dashboard_sessions (expires_at);
