/** `GET /v1/workspaces/:ws/integrations/gohighlevel` -> 200 status, Location, key preview, times. */
import { createRoute } from '@hono/zod-openapi';
import { connectionView, findConnection } from '../../highlevel/connectionStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, ConnectionSchema, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/integrations/gohighlevel',
  summary: 'The GoHighLevel connection: status, Location ID, masked key',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: '`status: disconnected` with nulls when not connected',
      content: { 'application/json': { schema: ConnectionSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

export function registerGetHighLevel(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const row = await findConnection(deps.database.db, c.get('workspace').id);
    return c.json(connectionView(row, deps.keyring), 200);
  });
}
