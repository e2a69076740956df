/**
 * `PUT /v1/workspaces/:ws/integrations/gohighlevel {apiKey, locationId}`: checks the key live
 * against HighLevel (the Location, then each scope the workspace needs), stores it encrypted,
 * -> 200 the connection; 422 `invalid_credentials` | `location_mismatch` | `missing_scopes`.
 * Without `apiKey`, connects through the marketplace app's install on the Location (checked the
 * same way with the install's token); 422 `not_installed` when the app is not installed there.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { connectionView } from '../../highlevel/connectionStore.js';
import { connectWorkspace } from '../connectWorkspace.js';
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
      )
      .optional()
      .openapi({
        description:
          "A Private Integration token of the Location's sub-account. Leave it out to connect through the marketplace app installed on the Location (GET /v1/oauth/locations lists them).",
      }),
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
  summary:
    'Connect (or reconnect) a GoHighLevel Location with a Private Integration token, or through the installed app',
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
    const { apiKey, locationId } = c.req.valid('json');
    const row = await connectWorkspace(deps, c.get('log'), {
      workspace: c.get('workspace'),
      locationId,
      apiKey,
    });
    return c.json(connectionView(row, deps.keyring), 200);
  });
}
