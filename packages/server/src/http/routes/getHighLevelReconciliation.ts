/**
 * `GET /v1/workspaces/:ws/highlevel-reconciliation` -> 200 `{locationId, nextRunAt, lastRun}`:
 * the poll that catches the changes in HighLevel whose webhook never came
 * (docs/reconciliation.md), as it stands for the workspace's Location: when it next runs, and
 * what its last run did (HighLevel calls, 429s, records read, changes told, why it stopped).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { reconciliationStatus } from '../../reconciliation/status.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const count = (description: string) => z.number().int().openapi({ description });
const byKind = z.object({
  appointment: z.number().int(),
  contact: z.number().int(),
  note: z.number().int(),
  task: z.number().int(),
});

const RunSummarySchema = z
  .object({
    startedAt: z.string().openapi({ format: 'date-time' }),
    finishedAt: z.string().openapi({ format: 'date-time' }),
    intervalSeconds: count('GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS when it ran'),
    budgetShare: z
      .number()
      .openapi({ description: 'GHL_BRIDGE_RECONCILE_BUDGET_SHARE when it ran' }),
    maxCalls: count(
      'HighLevel calls the run was allowed: its share of the budget over one interval',
    ),
    calls: count('HighLevel requests made, retries included'),
    throttled: count('Of those, answered 429'),
    failedCalls: count('Of those, answered with an error or not at all'),
    read: z
      .object({
        calendars: z.number().int(),
        appointments: z.number().int(),
        contacts: z.number().int(),
        notes: z.number().int(),
        tasks: z.number().int(),
      })
      .openapi({ description: 'Records read from HighLevel' }),
    told: byKind.openapi({ description: 'Changes told to the app that no webhook had told' }),
    complete: z
      .object({ appointments: z.boolean(), contacts: z.boolean(), tasks: z.boolean() })
      .openapi({
        description: 'The parts read to their end (the next run goes on from the others)',
      }),
    stoppedBy: z.enum(['done', 'budget', 'time', 'error']).openapi({
      description:
        '`done`; `budget`: it used its calls; `time`: it used its interval; `error`: HighLevel refused a part (see `errors`)',
    }),
    errors: z.array(z.string()),
  })
  .openapi('ReconciliationRun');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/highlevel-reconciliation',
  summary: 'The poll for changes webhooks missed: its next run and what its last run did',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: "The reconciliation of the workspace's Location",
      content: {
        'application/json': {
          schema: z
            .object({
              locationId: z.string().nullable().openapi({ description: 'null when not connected' }),
              nextRunAt: z.string().nullable().openapi({
                format: 'date-time',
                description: 'null before the first run is planned, or with reconciliation off',
              }),
              lastRun: RunSummarySchema.nullable(),
            })
            .openapi('HighLevelReconciliation'),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/**
 * Adds `GET /v1/workspaces/:ws/highlevel-reconciliation` to `app`.
 *
 * @example registerGetHighLevelReconciliation(app, deps);
 */
export function registerGetHighLevelReconciliation(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const status = await reconciliationStatus(deps.database.db, c.get('workspace').id);
    return c.json(status, 200);
  });
}
