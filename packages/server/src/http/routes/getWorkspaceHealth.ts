/**
 * `GET /v1/workspaces/:ws/health` -> 200 the workspace's health over the last hour: its
 * Location's HighLevel requests per 10 s (set against HighLevel's 100 per 10 s), the 429s and
 * failures among them, its sync queue's depth and job error rate. Requests are written by each
 * process every few seconds, so the newest buckets may still grow.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { readWorkspaceHealth } from '../../health/workspaceHealth.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const perBucket = (what: string) =>
  z.array(z.number().int()).openapi({ description: `${what}, per bucket, oldest first` });

const WorkspaceHealthSchema = z
  .object({
    locationId: z.string().nullable().openapi({ description: 'null when not connected' }),
    limit: z.object({ requests: z.number().int(), windowMs: z.number().int() }).openapi({
      description: "HighLevel's burst limit per Location",
      example: { requests: 100, windowMs: 10_000 },
    }),
    requests: z
      .object({
        startMs: z.number().int().openapi({ description: "The first bucket's start (epoch ms)" }),
        bucketMs: z.number().int().openapi({ example: 10_000 }),
        requests: perBucket('HighLevel requests sent for this Location, by every process'),
        throttled: perBucket('Requests HighLevel answered with 429'),
        failed: perBucket('Requests that failed: a 5xx, a timeout or a network error'),
        totals: z.object({
          requests: z.number().int(),
          throttled: z.number().int(),
          failed: z.number().int(),
          peak: z.number().int().openapi({ description: 'The busiest bucket' }),
        }),
      })
      .openapi({ description: 'The last hour in 10-second buckets' }),
    syncJobs: z.object({
      waiting: z.number().int().openapi({
        description: 'Queue depth: jobs queued, running, retrying or waiting for a connection',
      }),
      failed: z.number().int().openapi({ description: 'Jobs failed for good, to retry' }),
      lastHour: z.object({
        done: z.number().int(),
        failed: z.number().int(),
        errorRate: z.number().nullable().openapi({
          description: 'failed / (done + failed) in the last hour; null when none finished',
        }),
      }),
    }),
  })
  .openapi('WorkspaceHealth');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/health',
  summary: 'The last hour: HighLevel requests per 10 s against the limit, 429s, the sync queue',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: "The workspace's health",
      content: { 'application/json': { schema: WorkspaceHealthSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

export function registerGetWorkspaceHealth(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    // This process's latest counts first; other processes write theirs every few seconds.
    await deps.requestHistory?.flush();
    const now = deps.clock?.now() ?? Date.now();
    const health = await readWorkspaceHealth(deps.database.db, c.get('workspace').id, now);
    return c.json(health, 200);
  });
}
