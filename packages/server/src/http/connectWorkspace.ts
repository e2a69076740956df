/**
 * Connecting a workspace to a Location: with a Private Integration token, or through the
 * marketplace app's install on the Location. Either way the credentials are checked live (the
 * Location, then each scope the workspace needs) before anything is stored, and the workspace's
 * waiting sync jobs go once it is connected. Used by `PUT …/integrations/gohighlevel` and by the
 * OAuth callback when the install link named a workspace.
 */
import { resumeSyncJobs } from '../bookingSync/syncJobStore.js';
import { checkConnection } from '../highlevel/checkConnection.js';
import { saveConnection, type ConnectionRow } from '../highlevel/connectionStore.js';
import { requiredScopes } from '../highlevel/core/scopeChecks.js';
import type { Logger } from '../logger.js';
import { findInstall } from '../oauth/installStore.js';
import { connectError } from './connectErrors.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './httpError.js';

export interface ConnectRequest {
  workspace: { id: string; features: string[] };
  locationId: string;
  /** Undefined: through the app's install on the Location. */
  apiKey: string | undefined;
}

/**
 * Checks and stores the connection; throws an `HttpError` (422 `invalid_credentials`,
 * `location_mismatch`, `missing_scopes`, `not_installed`; 502 `highlevel_unavailable`) when
 * HighLevel refuses or cannot be asked.
 *
 * @example const row = await connectWorkspace(deps, log, { workspace, locationId, apiKey: undefined });
 */
export async function connectWorkspace(
  deps: Pick<AppDeps, 'database' | 'keyring' | 'highLevel' | 'queue' | 'oauthApp'>,
  log: Logger,
  { workspace, locationId, apiKey }: ConnectRequest,
): Promise<ConnectionRow> {
  if (apiKey === undefined) await requireInstall(deps, locationId);
  const client =
    apiKey === undefined
      ? deps.highLevel.forInstall(locationId)
      : deps.highLevel.forKey(apiKey, locationId);
  const check = await checkConnection(client, locationId, requiredScopes(workspace.features));
  const refused = connectError(check, locationId, apiKey === undefined ? 'oauth' : 'api_key');
  if (refused) {
    log.info(
      { workspaceId: workspace.id, locationId, outcome: refused.code },
      'gohighlevel connect refused',
    );
    throw refused;
  }
  // Bookings that waited for a connection, and syncs that failed for credentials, go now.
  const { row, resumed } = await deps.database.db.transaction().execute(async (trx) => {
    const saved = await saveConnection(trx, deps.keyring, {
      workspaceId: workspace.id,
      locationId,
      locationName: check.location?.name,
      locationCountry: check.location?.country,
      credentials: apiKey === undefined ? { kind: 'oauth' } : { kind: 'api_key', apiKey },
      scopes: check.results.map((r) => r.scope),
      connectedAt: new Date(),
    });
    return {
      row: saved,
      resumed: await resumeSyncJobs(trx, deps.queue, workspace.id, locationId),
    };
  });
  log.info(
    { workspaceId: workspace.id, locationId, auth: row.credential_kind, resumedSyncJobs: resumed },
    'gohighlevel connected',
  );
  return row;
}

/** 422 `not_installed` unless the marketplace app holds a working install on the Location. */
async function requireInstall(
  deps: Pick<AppDeps, 'database' | 'oauthApp'>,
  locationId: string,
): Promise<void> {
  const install = await findInstall(deps.database.db, locationId);
  if (install && !install.uninstalled_at) return;
  const how = deps.oauthApp
    ? 'Install the app on it first (GET /v1/oauth/install)'
    : 'This server has no marketplace app configured (GHL_OAUTH_CLIENT_ID, GHL_OAUTH_CLIENT_SECRET)';
  throw new HttpError(
    422,
    'not_installed',
    `Send apiKey, or choose a Location the HighLevel app is installed on: it is not installed on ${locationId}${install?.last_error ? ` (${install.last_error})` : ''}. ${how}; GET /v1/oauth/locations lists the installed Locations.`,
    {
      fields: [{ path: 'apiKey', message: 'required unless the app is installed on the Location' }],
    },
  );
}
