-- MCP clients (docs/mcp.md): one row per token a workspace gave an AI agent. The token itself is
-- never stored, only its SHA-256 (like workspace API keys). A revoked client keeps its row, so
-- the audit trail still names it.
CREATE TABLE mcp_clients (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- The token's first and last characters, to tell tokens apart in lists.
  token_preview text NOT NULL,
  access text NOT NULL CHECK (access IN ('read-only', 'read-write')),
  allow_destructive boolean NOT NULL DEFAULT false,
  -- The tools the client may see and call, as a JSON array of names; NULL: every tool its access
  -- allows.
  tools text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX mcp_clients_workspace ON mcp_clients (workspace_id, created_at);

-- The audit trail of MCP tool calls: who called which tool with what (secrets masked), which
-- HighLevel requests it made, and how it ended. Swept with the other records after
-- GHL_BRIDGE_RETENTION_DAYS.
CREATE TABLE mcp_calls (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  client_id text NOT NULL REFERENCES mcp_clients (id) ON DELETE CASCADE,
  tool text NOT NULL,
  arguments jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'refused', 'error')),
  code text,
  replayed boolean NOT NULL DEFAULT false,
  highlevel_requests jsonb NOT NULL,
  duration_ms integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mcp_calls_workspace ON mcp_calls (workspace_id, id);
CREATE INDEX mcp_calls_client ON mcp_calls (client_id, id);
CREATE INDEX mcp_calls_age ON mcp_calls (created_at);
