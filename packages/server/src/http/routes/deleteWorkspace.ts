/** `DELETE /v1/workspaces/:ws` -> 204; its connection and credentials go with it. */
import { createRoute } from '@hono/zod-openapi';
import { deleteWorkspace } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}',
  summary: 'Delete a workspace, its connection and stored credentials',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});

export function registerDeleteWorkspace(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    await deleteWorkspace(deps.database.db, workspace.id);
    c.get('log').info({ workspaceId: workspace.id }, 'workspace deleted');
    return c.body(null, 204);
  });
}
