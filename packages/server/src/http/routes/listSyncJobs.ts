/** `GET /v1/workspaces/:ws/sync-jobs?status=` -> 200 `{jobs}`, newest first (at most 200). */
import { createRoute, z } from '@hono/zod-openapi';
import { SYNC_JOB_STATUSES, syncJobView } from '../../syncWorker/syncJobStore.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { SyncJobSchema, bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/sync-jobs',
  summary: 'Booking sync jobs, e.g. the failed ones with their reason',
  security: bearer,
  request: {
    params: WorkspaceParams,
    query: z.object({
      status: z.enum(SYNC_JOB_STATUSES).optional(),
      bookingId: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'The jobs',
      content: { 'application/json': { schema: z.object({ jobs: z.array(SyncJobSchema) }) } },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

export function registerListSyncJobs(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { status, bookingId } = c.req.valid('query');
    let query = deps.database.db
      .selectFrom('sync_jobs')
      .selectAll()
      .where('workspace_id', '=', workspace.id);
    if (status) query = query.where('status', '=', status);
    if (bookingId) query = query.where('booking_id', '=', bookingId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
    return c.json({ jobs: rows.map(syncJobView) }, 200);
  });
}
