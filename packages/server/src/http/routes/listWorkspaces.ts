/** `GET /v1/workspaces?limit=&after=` -> 200 `{workspaces, next}` in creation order. */
import { createRoute, z } from '@hono/zod-openapi';
import { listWorkspaces, workspaceView } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceSchema } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces',
  summary: 'List workspaces (admin)',
  security: bearer,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      after: z.string().optional().openapi({ description: '`next` of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of workspaces',
      content: {
        'application/json': {
          schema: z.object({ workspaces: z.array(WorkspaceSchema), next: z.string().nullable() }),
        },
      },
    },
    ...errorResponses(401, 403, 422),
  },
});

export function registerListWorkspaces(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { limit, after } = c.req.valid('query');
    const rows = await listWorkspaces(deps.database.db, { limit, after });
    const next = rows.length === limit ? rows[rows.length - 1]!.id : null;
    return c.json({ workspaces: rows.map(workspaceView), next }, 200);
  });
}
