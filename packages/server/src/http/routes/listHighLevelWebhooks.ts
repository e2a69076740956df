/**
 * `GET /v1/workspaces/:ws/highlevel-webhooks?limit=&cursor=` -> 200 `{webhooks, nextCursor}`:
 * what HighLevel sent about the workspace's Location, newest first, each with its status and, once
 * processed, the change the bridge read from it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import { bridgeChangeOf, isBridgeChange } from '../../highlevelWebhooks/core/bridgeChange.js';
import { WEBHOOK_STATUSES } from '../../highlevelWebhooks/core/webhookOutcome.js';
import { listWorkspaceWebhooks, type WebhookRow } from '../../highlevelWebhooks/webhookStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../pageCursor.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const MAX_LIMIT = 200;

const Query = z.object({
  limit: z.coerce
    .number({ error: `expected a whole number from 1 to ${MAX_LIMIT}` })
    .int(`expected a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `expected a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `expected at most ${MAX_LIMIT} webhooks per page`)
    .default(50)
    .openapi({ description: 'Webhooks per page', example: 50 }),
  cursor: z.string().optional().openapi({ description: '`nextCursor` of the previous page' }),
});

const BridgeChangeSchema = z
  .object({
    kind: z.enum(['appointment', 'contact', 'note', 'task', 'app']),
    action: z.string().openapi({
      description:
        'appointment: created, updated, cancelled, deleted; contact and note: created, updated, deleted; task: created, completed, deleted; app: installed, uninstalled',
      example: 'cancelled',
    }),
    id: z.string().optional().openapi({ description: "The HighLevel record's id (not for app)" }),
    locationId: z.string(),
    calendarId: z.string().optional(),
    contactId: z.string().optional(),
    status: z.string().optional().openapi({ description: "An appointment's appointmentStatus" }),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    changed: z.enum(['tags', 'dnd']).optional(),
    appId: z.string().optional(),
  })
  .openapi('HighLevelChange', { description: 'What the webhook means to the bridge' });

const ReceivedWebhookSchema = z
  .object({
    webhookId: z.string(),
    type: z.string().openapi({ example: 'AppointmentUpdate' }),
    locationId: z.string().nullable(),
    status: z.enum(WEBHOOK_STATUSES).openapi({
      description:
        '`received`: waiting to be processed; `processed`; `ignored`: an event the bridge does not act on; `failed`: see `reason` (`unrouted` ones, of no connected Location, belong to no workspace)',
    }),
    reason: z.string().nullable().openapi({ description: 'Why it was not processed, in words' }),
    change: BridgeChangeSchema.nullable(),
    sentAt: z.string().openapi({ format: 'date-time', description: "The payload's timestamp" }),
    receivedAt: z.string().openapi({ format: 'date-time' }),
    processedAt: z.string().nullable().openapi({ format: 'date-time' }),
    payload: z.record(z.string(), z.unknown()).openapi({ description: 'The event as received' }),
  })
  .openapi('ReceivedHighLevelWebhook');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/highlevel-webhooks',
  summary: 'Webhooks HighLevel sent about the workspace’s Location, newest first',
  security: bearer,
  request: { params: WorkspaceParams, query: Query },
  responses: {
    200: {
      description: 'A page of webhooks',
      content: {
        'application/json': {
          schema: z
            .object({
              webhooks: z.array(ReceivedWebhookSchema),
              nextCursor: z.string().nullable().openapi({
                description: 'Pass as `cursor` for the next page; null on the last page',
              }),
            })
            .openapi('ReceivedHighLevelWebhookPage'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

function webhookView(row: WebhookRow) {
  const event = row.payload as IncomingWebhookEvent;
  const change =
    row.status === 'processed' && row.location_id ? bridgeChangeOf(event, row.location_id) : null;
  return {
    webhookId: row.webhook_id,
    type: row.type,
    locationId: row.location_id,
    status: row.status,
    reason: row.reason,
    change: change && isBridgeChange(change) ? change : null,
    sentAt: row.sent_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    processedAt: row.processed_at?.toISOString() ?? null,
    payload: row.payload as Record<string, unknown>,
  };
}

/**
 * Adds `GET /v1/workspaces/:ws/highlevel-webhooks` to `app`.
 *
 * @example registerListHighLevelWebhooks(app, deps);
 */
export function registerListHighLevelWebhooks(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, workspace.id, 'webhooks');
    const page = await listWorkspaceWebhooks(deps.database.db, workspace.id, { after, limit });
    if (!page) {
      throw invalidCursor(
        'This cursor points at no webhook of this workspace; leave it out to start from the newest.',
      );
    }
    const last = page.webhooks.at(-1);
    return c.json(
      {
        webhooks: page.webhooks.map(webhookView),
        nextCursor: page.more && last ? encodeCursor(workspace.id, last.webhook_id) : null,
      },
      200,
    );
  });
}
