-- Workspaces: a booking platform's customer account. The API key is stored as a SHA-256 hash only.
CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  api_key_hash text NOT NULL UNIQUE,
  features text[] NOT NULL DEFAULT ARRAY['bookings'],
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One GoHighLevel Location per workspace. The API key is AES-256-GCM ciphertext with the id of
-- the key that made it; the row is deleted on disconnect, which erases the credentials.
CREATE TABLE gohighlevel_connections (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  location_id text NOT NULL,
  location_name text,
  api_key_ciphertext text NOT NULL,
  api_key_key_id text NOT NULL,
  api_key_preview text NOT NULL,
  scopes text[] NOT NULL DEFAULT ARRAY[]::text[],
  connected_at timestamptz NOT NULL,
  last_sync_at timestamptz,
  last_checked_at timestamptz,
  last_error text
);

CREATE INDEX gohighlevel_connections_location ON gohighlevel_connections (location_id);
