/** `GET /v1/workspaces/:ws` -> 200 the workspace and its integration status. */
import { createRoute, z } from '@hono/zod-openapi';
import { connectionView, findConnection } from '../../gohighlevel/connectionStore.js';
import { workspaceView } from '../../workspaces/workspaceStore.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import {
  bearer,
  ConnectionSchema,
  errorResponses,
  WorkspaceParams,
  WorkspaceSchema,
} from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}',
  summary: 'A workspace, with its GoHighLevel connection status',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The workspace',
      content: {
        'application/json': {
          schema: WorkspaceSchema.extend({
            integrations: z.object({ gohighlevel: ConnectionSchema }),
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

export function registerGetWorkspace(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const connection = await findConnection(deps.database.db, workspace.id);
    return c.json(
      { ...workspaceView(workspace), integrations: { gohighlevel: connectionView(connection) } },
      200,
    );
  });
}
