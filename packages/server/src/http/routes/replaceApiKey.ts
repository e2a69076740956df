/**
 * `POST /v1/workspaces/:ws/api-key` -> 200 `{apiKey}` (admin only): a new API key for the
 * workspace, shown this once. The old key stops working at once, and every dashboard session
 * opened with it ends: for a key that leaked, or a booking app being moved to a new secret.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { replaceWorkspaceApiKey } from '../../workspaces/workspaceStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { requireAdmin } from '../middleware/requireAdmin.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const NewApiKey = z
  .object({
    apiKey: z.string().openapi({ description: 'Shown once; stored only as a hash' }),
  })
  .openapi('NewApiKey');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/api-key',
  summary:
    'Replace the workspace API key: the old one stops working now; the new one is shown once',
  security: bearer,
  middleware: [requireAdmin()] as const,
  request: { params: WorkspaceParams },
  responses: {
    200: { description: 'The new key', content: { 'application/json': { schema: NewApiKey } } },
    ...errorResponses(401, 403, 404),
  },
});

export function registerReplaceApiKey(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const apiKey = await replaceWorkspaceApiKey(deps.database.db, workspace.id);
    if (!apiKey) {
      throw new HttpError(404, 'workspace_not_found', `There is no workspace ${workspace.id}.`);
    }
    c.get('log').info({ workspaceId: workspace.id }, 'workspace API key replaced');
    return c.json({ apiKey }, 200);
  });
}
