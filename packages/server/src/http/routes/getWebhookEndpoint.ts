/** `GET /v1/workspaces/:ws/webhook-endpoints/:endpointId` -> 200 the endpoint, never its secret. */
import { createRoute } from '@hono/zod-openapi';
import { endpointView, findEndpoint } from '../../webhooksOut/endpointStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';
import {
  EndpointParams,
  endpointNotFound,
  WebhookEndpointSchema,
} from '../webhookEndpointSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}',
  summary: 'A webhook endpoint',
  security: bearer,
  request: { params: EndpointParams },
  responses: {
    200: {
      description: 'The endpoint',
      content: { 'application/json': { schema: WebhookEndpointSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerGetWebhookEndpoint(app, deps); */
export function registerGetWebhookEndpoint(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { endpointId } = c.req.valid('param');
    const row = await findEndpoint(deps.database.db, c.get('workspace').id, endpointId);
    if (!row) throw endpointNotFound(endpointId);
    return c.json(endpointView(row), 200);
  });
}
