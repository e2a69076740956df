/**
 * `PUT /v1/workspaces/:ws/integrations/gohighlevel {apiKey, locationId}`: checks the key live
 * against HighLevel (the Location, then each scope the workspace needs), stores it encrypted,
 * -> 200 the connection; 422 `invalid_credentials` | `location_mismatch` | `missing_scopes`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { checkConnection } from '../../highlevel/checkConnection.js';
import { connectError } from '../connectErrors.js';
import { connectionView, saveConnection } from '../../highlevel/connectionStore.js';
import { requiredScopes } from '../../highlevel/core/scopeChecks.js';
import { resumeSyncJobs } from '../../bookingSync/syncJobStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, ConnectionSchema, errorResponses, WorkspaceParams } from '../schemas.js';

const ConnectBody = z
  .object({
    apiKey: z
      .string()
      .trim()
      .min(8, 'Paste the Private Integration token (it starts with pit-)')
      .max(4096)
      // The key travels in the Authorization header, which carries no spaces, accents or other
      // non-ASCII text (fetch refuses such a header outright); HighLevel's tokens never have them.
      .regex(
        /^[\x21-\x7e]+$/,
        'An API key has only ASCII letters, digits and punctuation, no spaces or accents: paste the Private Integration token exactly as HighLevel shows it',
      ),
    locationId: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        'A Location ID has only letters and digits, e.g. ve9EPM428h8vShlRW1KT',
      ),
  })
  .strict()
  .openapi('ConnectGoHighLevel');

const route = createRoute({
  method: 'put',
  path: '/v1/workspaces/{ws}/integrations/gohighlevel',
  summary: 'Connect (or reconnect) a GoHighLevel Location with a Private Integration token',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: ConnectBody } } },
  },
  responses: {
    200: {
      description: 'Checked against HighLevel and stored encrypted',
      content: { 'application/json': { schema: ConnectionSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422, 502),
  },
});

export function registerConnectHighLevel(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { apiKey, locationId } = c.req.valid('json');
    const client = deps.highLevel.forKey(apiKey, locationId);
    const check = await checkConnection(client, locationId, requiredScopes(workspace.features));
    const refused = connectError(check, locationId);
    if (refused) {
      c.get('log').info(
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
        apiKey,
        scopes: check.results.map((r) => r.scope),
        connectedAt: new Date(),
      });
      return {
        row: saved,
        resumed: await resumeSyncJobs(trx, deps.queue, workspace.id, locationId),
      };
    });
    c.get('log').info(
      { workspaceId: workspace.id, locationId, resumedSyncJobs: resumed },
      'gohighlevel connected',
    );
    return c.json(connectionView(row, deps.keyring), 200);
  });
}
