-- The HighLevel marketplace app's installs (docs/oauth.md). One row per Location or agency
-- (Company) the app holds a token for: installed on a sub-account directly, installed on an agency
-- (its Company token), or one of an agency's Locations (`via_company_id`: its Location tokens are
-- minted from the agency's token). The tokens are sealed with the credentials keyring as one JSON
-- value ({accessToken, refreshToken, expiresAt}), so a refresh replaces them in one write.
CREATE TABLE highlevel_oauth_installs (
  resource_id text PRIMARY KEY,
  user_type text NOT NULL CHECK (user_type IN ('Location', 'Company')),
  company_id text,
  location_id text,
  via_company_id text,
  name text,
  scopes text[] NOT NULL DEFAULT '{}',
  user_id text,
  tokens_ciphertext text,
  tokens_key_id text,
  -- Bumped by every write of new tokens: the refresh that read version n writes n + 1 only.
  tokens_version integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  installed_at timestamptz NOT NULL,
  -- Set by an UNINSTALL (or a refresh HighLevel refused for good); the tokens are erased with it.
  uninstalled_at timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((tokens_ciphertext IS NULL) = (tokens_key_id IS NULL)),
  CHECK (user_type = 'Company' OR location_id IS NOT NULL)
);

CREATE INDEX highlevel_oauth_installs_company ON highlevel_oauth_installs (via_company_id)
  WHERE via_company_id IS NOT NULL;

-- A workspace connects with an API key (as before) or with the app's install on its Location.
-- `paused_reason`: the connection cannot act (the app was uninstalled, HighLevel refused the
-- refresh token); its sync jobs wait as `paused` until it is connected again.
ALTER TABLE gohighlevel_connections
  ADD COLUMN credential_kind text NOT NULL DEFAULT 'api_key'
    CHECK (credential_kind IN ('api_key', 'oauth')),
  ADD COLUMN paused_reason text,
  ALTER COLUMN api_key_ciphertext DROP NOT NULL,
  ALTER COLUMN api_key_key_id DROP NOT NULL,
  ALTER COLUMN api_key_preview DROP NOT NULL,
  ADD CONSTRAINT gohighlevel_connections_api_key_present
    CHECK (credential_kind = 'oauth' OR (api_key_ciphertext IS NOT NULL AND api_key_key_id IS NOT NULL));
