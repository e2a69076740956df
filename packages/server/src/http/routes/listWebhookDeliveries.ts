/**
 * `GET /v1/workspaces/:ws/webhook-endpoints/:endpointId/deliveries?status=&limit=&cursor=` ->
 * 200 `{deliveries, nextCursor}`: an endpoint's deliveries newest first, each with its attempts
 * and the last one's status or error.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  DELIVERY_STATUSES,
  deliveryView,
  listDeliveries,
} from '../../webhooksOut/deliveryStore.js';
import { findEndpoint } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../pageCursor.js';
import { bearer, errorResponses } from '../schemas.js';
import {
  EndpointParams,
  endpointNotFound,
  WebhookDeliverySchema,
} from '../webhookEndpointSchemas.js';

const MAX_LIMIT = 200;

const Query = z.object({
  status: z
    .enum(DELIVERY_STATUSES)
    .optional()
    .openapi({ description: 'Only deliveries in this status' }),
  limit: z.coerce
    .number({ error: `expected a whole number from 1 to ${MAX_LIMIT}` })
    .int(`expected a whole number from 1 to ${MAX_LIMIT}`)
    .min(1, `expected a whole number from 1 to ${MAX_LIMIT}`)
    .max(MAX_LIMIT, `expected at most ${MAX_LIMIT} deliveries per page`)
    .default(50)
    .openapi({ description: 'Deliveries per page', example: 50 }),
  cursor: z.string().optional().openapi({
    description: '`nextCursor` of the previous page, with the same filters',
  }),
});

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries',
  summary: "A webhook endpoint's deliveries, newest first, with how their attempts went",
  security: bearer,
  request: { params: EndpointParams, query: Query },
  responses: {
    200: {
      description: 'A page of deliveries',
      content: {
        'application/json': {
          schema: z
            .object({
              deliveries: z.array(WebhookDeliverySchema),
              nextCursor: z.string().nullable().openapi({
                description: 'Pass as `cursor` for the next page; null on the last page',
              }),
            })
            .openapi('WebhookDeliveryPage'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

/** @example registerListWebhookDeliveries(app, deps); */
export function registerListWebhookDeliveries(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { endpointId } = c.req.valid('param');
    const { status, limit, cursor } = c.req.valid('query');
    const { db } = deps.database;
    if (!(await findEndpoint(db, workspace.id, endpointId))) throw endpointNotFound(endpointId);
    const after =
      cursor === undefined ? undefined : decodeCursor(cursor, workspace.id, 'deliveries');
    const page = await listDeliveries(db, endpointId, { status, after, limit });
    if (!page) {
      throw invalidCursor(
        'This cursor points at no delivery of this endpoint; leave it out to start from the newest delivery.',
      );
    }
    const last = page.deliveries.at(-1);
    return c.json(
      {
        deliveries: page.deliveries.map(deliveryView),
        nextCursor: page.more && last ? encodeCursor(workspace.id, last.id) : null,
      },
      200,
    );
  });
}
