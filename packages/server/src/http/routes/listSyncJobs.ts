/**
 * `GET /v1/workspaces/:ws/sync-jobs?status=&bookingId=&search=&limit=&cursor=` -> 200 `{jobs,
 * nextCursor, counts}`: a page of jobs, newest first; `nextCursor` fetches the next page (null on
 * the last); `counts` covers every job of the workspace, whatever the filters and search.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { SYNC_JOB_STATUSES } from '../../bookingSync/core/syncJobStates.js';
import { countSyncJobs, listSyncJobs, syncJobView } from '../../bookingSync/syncJobListing.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../pageCursor.js';
import { SyncJobSchema, bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const MAX_LIMIT = 200;

const Query = z.object({
  status: z.enum(SYNC_JOB_STATUSES).optional().openapi({ description: 'Only jobs in this status' }),
  bookingId: z.string().optional().openapi({ description: "Only this booking's jobs" }),
  search: z.string().max(200, 'expected at most 200 characters').optional().openapi({
    description:
      'Only jobs whose customer email, phone or name, or booking id, contains this text, ignoring case; a phone number is matched by its digits, however it is written (`(415) 555-0132` finds `+14155550132`)',
    example: 'ada@',
  }),
  limit: z.coerce
    .number({ error: `expected a whole number from 1 to ${MAX_LIMIT}` })
    .int(`expected a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `expected a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `expected at most ${MAX_LIMIT} jobs per page`)
    .default(50)
    .openapi({ description: 'Jobs per page', example: 50 }),
  cursor: z.string().optional().openapi({
    description: '`nextCursor` of the previous page, with the same filters',
  }),
});

const SyncJobCounts = z
  .object(Object.fromEntries(SYNC_JOB_STATUSES.map((status) => [status, z.number().int()])))
  .openapi('SyncJobCounts', {
    description: "How many of the workspace's jobs are in each status, whatever the filters",
    example: {
      queued: 2,
      running: 1,
      retrying: 0,
      waiting_for_connection: 0,
      paused: 0,
      done: 117,
      failed: 3,
    },
  });

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/sync-jobs',
  summary: 'Booking sync jobs, newest first, e.g. the failed ones with their reason',
  security: bearer,
  request: { params: WorkspaceParams, query: Query },
  responses: {
    200: {
      description: 'A page of jobs and the count of each status',
      content: {
        'application/json': {
          schema: z
            .object({
              jobs: z.array(SyncJobSchema),
              nextCursor: z.string().nullable().openapi({
                description: 'Pass as `cursor` for the next page; null on the last page',
              }),
              counts: SyncJobCounts,
            })
            .openapi('SyncJobPage'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

/**
 * Adds `GET /v1/workspaces/:ws/sync-jobs` to `app`.
 *
 * @example registerListSyncJobs(app, deps);
 */
export function registerListSyncJobs(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { status, bookingId, search, limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, workspace.id, 'jobs');
    const { db } = deps.database;
    const page = await listSyncJobs(db, workspace.id, { status, bookingId, search, after, limit });
    if (!page) {
      throw invalidCursor(
        'This cursor points at no job of this workspace; leave it out to start from the newest job.',
      );
    }
    const last = page.jobs.at(-1);
    return c.json(
      {
        jobs: page.jobs.map(syncJobView),
        nextCursor: page.more && last ? encodeCursor(workspace.id, last.id) : null,
        counts: await countSyncJobs(db, workspace.id),
      },
      200,
    );
  });
}
