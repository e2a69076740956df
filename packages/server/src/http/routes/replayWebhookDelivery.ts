/**
 * `POST /v1/workspaces/:ws/webhook-endpoints/:endpointId/deliveries/:deliveryId/replay` -> 202
 * the delivery, `pending` and sent again now with the same `webhook-id` (whatever its status); if
 * that attempt fails, the retry schedule goes on from the attempts it has had. 409 when the
 * endpoint is disabled.
 */
import { createRoute } from '@hono/zod-openapi';
import { deliveryView } from '../../webhooksOut/deliveryStore.js';
import { findEndpoint } from '../../webhooksOut/endpointStore.js';
import { replayDelivery } from '../../webhooksOut/replay.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses } from '../schemas.js';
import {
  DeliveryParams,
  endpointNotFound,
  WebhookDeliverySchema,
} from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay',
  summary: 'Send a delivery again now, with the same webhook-id',
  security: bearer,
  request: { params: DeliveryParams },
  responses: {
    202: {
      description: 'Queued to be sent now',
      content: { 'application/json': { schema: WebhookDeliverySchema } },
    },
    ...errorResponses(401, 403, 404, 409),
  },
});

/** @example registerReplayWebhookDelivery(app, deps); */
export function registerReplayWebhookDelivery(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { endpointId, deliveryId } = c.req.valid('param');
    const { db } = deps.database;
    const endpoint = await findEndpoint(db, workspace.id, endpointId);
    if (!endpoint) throw endpointNotFound(endpointId);
    if (!endpoint.enabled) {
      throw new HttpError(
        409,
        'webhook_endpoint_disabled',
        `Webhook endpoint ${endpointId} is disabled; enable it (PATCH {"enabled": true}) to replay its deliveries.`,
      );
    }
    const row = await replayDelivery(db, deps.queue, endpointId, deliveryId);
    if (!row) {
      throw new HttpError(
        404,
        'webhook_delivery_not_found',
        `There is no delivery ${deliveryId} of webhook endpoint ${endpointId}.`,
      );
    }
    c.get('log').info({ workspaceId: workspace.id, endpointId, deliveryId }, 'webhook replayed');
    return c.json(deliveryView(row), 202);
  });
}
