/**
 * `POST /v1/workspaces/:ws/sync-jobs/:id/retry` -> 202 the job, queued again (steps already done
 * are skipped); 409 when the job has not failed.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { findSyncJob, syncJobView } from '../../bookingSync/syncJobListing.js';
import { retrySyncJob } from '../../bookingSync/syncJobStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { SyncJobSchema, bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/sync-jobs/{id}/retry',
  summary: 'Retry a failed sync job',
  security: bearer,
  request: {
    params: WorkspaceParams.extend({
      id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    202: {
      description: 'Queued again (or waiting for a connection)',
      content: { 'application/json': { schema: SyncJobSchema } },
    },
    ...errorResponses(401, 403, 404, 409),
  },
});

/**
 * Adds `POST /v1/workspaces/:ws/sync-jobs/:id/retry` to `app`.
 *
 * @example registerRetrySyncJob(app, deps);
 */
export function registerRetrySyncJob(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { id } = c.req.valid('param');
    const { db } = deps.database;
    const row = await retrySyncJob(db, deps.queue, workspace.id, id);
    if (row) return c.json(syncJobView(row), 202);
    const existing = await findSyncJob(db, id);
    if (!existing || existing.workspace_id !== workspace.id) {
      throw new HttpError(
        404,
        'sync_job_not_found',
        `There is no sync job ${id} in this workspace.`,
      );
    }
    throw new HttpError(
      409,
      'sync_job_not_failed',
      `Sync job ${id} is ${existing.status}; only a failed job can be retried.`,
    );
  });
}
