/**
 * `GET /v1/workspaces/:ws/backfills?limit=` -> 200 `{backfills}`: the latest `ghl-bridge backfill`
 * runs, newest first, each with how many of the sync jobs it created are done, failed, waiting
 * for a connection or still to go.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { SYNC_JOB_STATUSES } from '../../bookingSync/core/syncJobStates.js';
import { backfillRuns } from '../../bookingSync/syncJobListing.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const MAX_LIMIT = 50;

const Query = z.object({
  limit: z.coerce
    .number({ error: `expected a whole number from 1 to ${MAX_LIMIT}` })
    .int(`expected a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `expected a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `expected at most ${MAX_LIMIT} runs`)
    .default(5)
    .openapi({ description: 'How many of the latest runs', example: 5 }),
});

const BackfillRunSchema = z
  .object({
    id: z.string().openapi({
      description: 'The run, as `ghl-bridge backfill` printed it',
      example: 'bf_q4ymc7w2rj5x2rb3aa5t',
    }),
    startedAt: z.string().openapi({
      format: 'date-time',
      description: 'When the run created its first sync job',
    }),
    updatedAt: z.string().openapi({
      format: 'date-time',
      description: 'When one of its jobs last changed',
    }),
    total: z.number().int().openapi({
      description: 'Sync jobs the run created: one per stored booking change and customer',
    }),
    counts: z
      .object(Object.fromEntries(SYNC_JOB_STATUSES.map((status) => [status, z.number().int()])))
      .openapi({
        description: "How many of the run's jobs are in each status now",
        example: {
          queued: 40,
          running: 1,
          retrying: 0,
          waiting_for_connection: 0,
          paused: 0,
          done: 957,
          failed: 2,
        },
      }),
  })
  .openapi('BackfillRun');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/backfills',
  summary: 'The progress of the latest `ghl-bridge backfill` runs',
  security: bearer,
  request: { params: WorkspaceParams, query: Query },
  responses: {
    200: {
      description: 'The latest runs, newest first; empty when none ran',
      content: {
        'application/json': {
          schema: z.object({ backfills: z.array(BackfillRunSchema) }).openapi('BackfillRunList'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

/**
 * Adds `GET /v1/workspaces/:ws/backfills` to `app`.
 *
 * @example registerListBackfills(app, deps);
 */
export function registerListBackfills(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { limit } = c.req.valid('query');
    const runs = await backfillRuns(deps.database.db, workspace.id, limit);
    return c.json(
      {
        backfills: runs.map((run) => ({
          ...run,
          startedAt: run.startedAt.toISOString(),
          updatedAt: run.updatedAt.toISOString(),
        })),
      },
      200,
    );
  });
}
