/**
 * `POST /v1/workspaces/:ws/integrations/gohighlevel/check` -> 202 `{jobId}`: re-checks the stored
 * key against HighLevel in the background; the outcome shows as `lastCheckedAt` / `lastError`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { findConnection } from '../../highlevel/connectionStore.js';
import { CONNECTION_CHECK_QUEUE } from '../../highlevel/connectionCheckJob.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/integrations/gohighlevel/check',
  summary: 'Queue a background check of the stored GoHighLevel key',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ jobId: z.string() }) } },
    },
    ...errorResponses(401, 403, 404, 409),
  },
});

export function registerCheckHighLevel(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const jobId = await deps.database.db.transaction().execute(async (trx) => {
      if (!(await findConnection(trx, workspace.id))) {
        throw new HttpError(
          409,
          'not_connected',
          'This workspace has no GoHighLevel connection to check; connect it first (PUT …/integrations/gohighlevel).',
        );
      }
      return deps.queue.enqueue(trx, CONNECTION_CHECK_QUEUE, { workspaceId: workspace.id });
    });
    return c.json({ jobId }, 202);
  });
}
