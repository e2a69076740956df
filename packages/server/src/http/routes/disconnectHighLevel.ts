/** `DELETE /v1/workspaces/:ws/integrations/gohighlevel` -> 204; the stored key is erased. */
import { createRoute } from '@hono/zod-openapi';
import { deleteConnection } from '../../highlevel/connectionStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/integrations/gohighlevel',
  summary: 'Disconnect: erase the stored credentials (idempotent)',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: { 204: { description: 'Disconnected' }, ...errorResponses(401, 403, 404) },
});

export function registerDisconnectHighLevel(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const existed = await deleteConnection(deps.database.db, workspace.id);
    c.get('log').info({ workspaceId: workspace.id, existed }, 'gohighlevel disconnected');
    return c.body(null, 204);
  });
}
